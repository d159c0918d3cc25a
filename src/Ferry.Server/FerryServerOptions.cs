using Ferry.Engine.Balances;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;
using Ferry.Server.Security;
using Microsoft.Extensions.Logging;

namespace Ferry.Server;

/// <summary>What <c>ferry serve</c> is built from: explicit dependencies, no ambient state.</summary>
public sealed record FerryServerOptions
{
    /// <summary>Where it listens unless told otherwise.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8480");

    /// <summary>Opens the engine's door for one request, asking as that request's caller (the policy matches on it and the
    /// journal records it); it is disposed when the request ends.</summary>
    public required Func<Requester, TransferService> OpenService { get; init; }

    /// <summary>The API tokens (none configured: only loopback may call).</summary>
    public required ApiTokenStore Tokens { get; init; }

    /// <summary>The address to listen on: http, an IP address or localhost, a port (0 = any free port).</summary>
    public Uri Url { get; init; } = DefaultUrl;

    /// <summary>The account a request that names none uses (for its venue); the first account of the venue when null.</summary>
    public string? DefaultAccount { get; init; }

    /// <summary>How long a plan may wait to be executed.</summary>
    public TimeSpan PlanTimeToLive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Moves of a sweep or rebalance in flight at once.</summary>
    public int MoveParallelism { get; init; } = 16;

    /// <summary>The clock of plans' expiry.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the server logs (each answer with who asked, each execute with its journal ids); none when null.</summary>
    public ILoggerProvider? Log { get; init; }

    /// <summary>Reads every balance of the simulator at a base address (every simulated account, as <c>ferry balances</c>
    /// shows it); when null, simulator accounts are read through the exchange endpoints like any other.</summary>
    public Func<Uri, CancellationToken, Task<IReadOnlyList<AccountBalance>>>? SimulatorBalances { get; init; }
}
