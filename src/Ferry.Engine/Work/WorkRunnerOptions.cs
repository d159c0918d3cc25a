using Ferry.Engine.Policy;
using Ferry.Engine.Service;
using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Work;

/// <summary>What a <see cref="WorkRunner"/> is built from, with documented defaults.</summary>
public sealed record WorkRunnerOptions
{
    /// <summary>Where the units come from.</summary>
    public required IWorkQueue Queue { get; init; }

    /// <summary>Builds the engine's door for one unit (disposed when the unit ends): every unit runs through
    /// <see cref="TransferService"/>, never a second path. Its argument is who the unit runs for
    /// (<c>worker:ID for</c> whoever queued it), or null for a unit queued without a name (the door's own requester).</summary>
    public required Func<Requester?, TransferService> OpenService { get; init; }

    /// <summary>Who this worker is (<see cref="WorkerIdentity.ForThisProcess"/>).</summary>
    public required WorkerIdentity Worker { get; init; }

    /// <summary>How many units run at once (1 to 64).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Stop once no unit is queued or running anywhere (every unit final), instead of waiting for new work.</summary>
    public bool UntilEmpty { get; init; }

    /// <summary>How long an idle slot waits before it looks for work again.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a unit handed back because another process holds its journal claim waits before it is taken again.</summary>
    public TimeSpan HeldRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock of lease renewals and idle waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the worker says what it takes, runs, finishes and hands back.</summary>
    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Told each unit as it reaches a final state.</summary>
    public Action<WorkUnit>? Finished { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Concurrency is < 1 or > 64) throw new ArgumentException($"--concurrency {Concurrency} is out of range; use 1 to 64.", nameof(Concurrency));
        if (IdlePoll <= TimeSpan.Zero) throw new ArgumentException("The idle poll is positive.", nameof(IdlePoll));
    }
}
