namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Everything the managed sub-account book holds, as plain data (what the store saves and loads).</summary>
public sealed record ManagedSubAccountBookState(
    long InvestorUserId,
    IReadOnlyList<ManagedSubAccountProfile> Profiles,
    IReadOnlyList<ScheduledWithdrawal> Withdrawals,
    long NextTranId)
{
    /// <summary>The investor's user id (<c>rootUserId</c>).</summary>
    public const long DefaultInvestorUserId = 1_000_138_475_670;

    /// <summary>The first trading-team user id handed out.</summary>
    public const long FirstTradingTeamUserId = 1_000_200_000_001;

    /// <summary>The first managed transfer id (11 digits, as in the docs' example 66157362489).</summary>
    public const long FirstTranId = 66_000_000_001;

    /// <summary>An empty book.</summary>
    public static ManagedSubAccountBookState Empty { get; } = new(DefaultInvestorUserId, [], [], FirstTranId);
}
