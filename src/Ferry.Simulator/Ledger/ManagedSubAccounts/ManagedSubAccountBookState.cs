namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>What the investor knows about one managed sub-account beyond its wallets.</summary>
/// <param name="Email">The managed sub-account's e-mail (a ledger user, so totals and the auditor cover its wallets).</param>
/// <param name="TradingTeamEmail">The trading team's master account the sub-account is bound to (<c>bindParentEmail</c>).</param>
/// <param name="TradingTeamUserId">That master's user id (<c>bindParentUserId</c>).</param>
/// <param name="InsertTimeMs">When the managed sub-account was created (<c>insertTimeStamp</c>); snapshots start that day.</param>
/// <param name="SignedLvtRiskAgreement"><c>isSignedLVTRiskAgreement</c>.</param>
public sealed record ManagedSubAccountProfile(
    string Email, string TradingTeamEmail, long TradingTeamUserId, long InsertTimeMs, bool SignedLvtRiskAgreement);

/// <summary>A withdrawal from a managed sub-account that runs on its <c>transferDate</c>.</summary>
/// <param name="TranId">The id POST withdraw answered; the ledger move carries it as its client id.</param>
/// <param name="Investor">The investor master that asked for it (and receives the asset).</param>
/// <param name="FromEmail">The managed sub-account.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">The amount.</param>
/// <param name="TransferDateMs">The <c>transferDate</c> as sent (epoch ms).</param>
/// <param name="ExecuteAtMs">When it runs: the start (00:00 UTC) of the transfer date's day.</param>
/// <param name="CreateTimeMs">When it was asked for.</param>
/// <param name="Status">PENDING, then SUCCESS or FAILED (insufficient balance at the date).</param>
public sealed record ScheduledWithdrawal(
    long TranId, string Investor, string FromEmail, string Asset, decimal Amount, long TransferDateMs, long ExecuteAtMs,
    long CreateTimeMs, string Status)
{
    /// <summary>Waiting for its date.</summary>
    public const string Pending = "PENDING";

    /// <summary>Executed: the ledger holds the move.</summary>
    public const string Success = "SUCCESS";

    /// <summary>The managed sub-account held less than the amount on the date; nothing moved.</summary>
    public const string Failed = "FAILED";
}

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

/// <summary>Where managed-book changes are written through; called before memory changes (if it throws, nothing changed).</summary>
public interface IManagedSubAccountBookStore
{
    /// <summary>Durably records the book.</summary>
    void Save(ManagedSubAccountBookState state);
}

/// <summary>The in-memory store: nothing to write.</summary>
internal sealed class MemoryManagedSubAccountBookStore : IManagedSubAccountBookStore
{
    public static readonly MemoryManagedSubAccountBookStore Instance = new();

    public void Save(ManagedSubAccountBookState state)
    {
    }
}
