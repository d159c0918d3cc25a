namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Everything the sub-account book holds, as plain data (what the store saves and loads).</summary>
public sealed record SubAccountBookState(
    IReadOnlyList<SubAccountProfile> Profiles,
    IReadOnlyList<KeyIpRestriction> IpRestrictions,
    IReadOnlyList<SimPosition> Positions,
    IReadOnlyList<PositionMoveRecord> PositionMoves,
    IReadOnlyDictionary<string, decimal> Prices,
    IReadOnlyList<SimDeposit> Deposits,
    long NextSubUserId)
{
    /// <summary>The first sub-user id handed out.</summary>
    public const long FirstSubUserId = 300_000_001;

    /// <summary>An empty book.</summary>
    public static SubAccountBookState Empty { get; } =
        new([], [], [], [], new Dictionary<string, decimal>(), [], FirstSubUserId);
}
