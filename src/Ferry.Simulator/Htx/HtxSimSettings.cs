namespace Ferry.Simulator.Htx;

/// <summary>Limits and tolerances of the simulated HTX side, with HTX's documented values as defaults (reference §6.3).</summary>
public sealed record HtxSimSettings
{
    /// <summary>POST /v2/account/transfer per second per UID. Default 1 (docs; HTX.Net uses 10).</summary>
    public int TransfersPerSecond { get; init; } = 1;

    /// <summary>GET /v1/account/accounts and GET .../balance, each, per 2 seconds per UID. Default 100.</summary>
    public int AccountRequestsPer2Seconds { get; init; } = 100;

    /// <summary>The private linear-swap endpoints together, per 3 seconds per UID. Default 72.</summary>
    public int SwapPrivateRequestsPer3Seconds { get; init; } = 72;

    /// <summary>GET /v2/account/ledger per second per UID. Default 10 (the unmarked-endpoint default; assumed).</summary>
    public int LedgerRequestsPerSecond { get; init; } = 10;

    /// <summary>How far a Signature V2 Timestamp may be from the server clock, either way. Default 1 minute (the docs
    /// say 5 minutes in one place and 1 minute in the FAQ: CONFLICT, the stricter one is simulated).</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        if (TransfersPerSecond <= 0 || AccountRequestsPer2Seconds <= 0 || SwapPrivateRequestsPer3Seconds <= 0 || LedgerRequestsPerSecond <= 0)
        {
            throw new ArgumentException("HTX rate limits must be positive.");
        }
        if (TimestampTolerance <= TimeSpan.Zero) throw new ArgumentException("The HTX timestamp tolerance must be positive.");
    }
}
