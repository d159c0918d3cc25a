using Ferry.Engine.Service;
using Ferry.Server.Api;

namespace Ferry.Server.Plans;

/// <summary>
/// A plan an API caller made and may execute once (kept by the engine's <see cref="Ferry.Engine.Plans.PlanBook{TPlan}"/>):
/// a transfer (one route), a sweep or a rebalance (many moves). It describes itself and executes itself through the
/// engine's door.
/// </summary>
internal abstract class ServerPlan
{
    /// <summary>"transfer", "sweep" or "rebalance".</summary>
    public abstract string Kind { get; }

    /// <summary>The account it was planned for.</summary>
    public abstract string Account { get; }

    /// <summary>True when executing it sends anything to a mainnet account, so a person must confirm it.</summary>
    public abstract bool TouchesMainnet { get; }

    /// <summary>The moves with their legs, as planned.</summary>
    public abstract IReadOnlyList<PlanMoveResponse> Moves { get; }

    /// <summary>Wallets a sweep or rebalance left out, and why.</summary>
    public virtual IReadOnlyList<SkippedWalletResponse> Skipped => [];

    /// <summary>Sends the plan; called at most once, after the plan book marked it as run. <paramref name="finished"/>
    /// hears each move as it ends.</summary>
    public abstract Task<ExecutionResponse> ExecuteAsync(string planId, TransferService service, Action<ExecutionMoveResponse> finished, CancellationToken ct);
}
