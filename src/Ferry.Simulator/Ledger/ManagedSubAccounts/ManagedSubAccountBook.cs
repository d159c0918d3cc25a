using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Why the managed sub-account book refused a request; the venue layer maps each to its own error.</summary>
public enum ManagedSubAccountFailure
{
    /// <summary>The caller does not have the role the endpoint is for (investor master, trading-team master, managed sub-account).</summary>
    WrongRole,
    /// <summary>The e-mail is not a managed sub-account of the caller (or not bound to the caller's trading team).</summary>
    NotManaged,
    /// <summary>The source spot wallet holds less than the amount.</summary>
    InsufficientBalance,
    /// <summary>The managed sub-account has no futures account.</summary>
    FuturesNotEnabled,
    /// <summary>The managed sub-account has no margin account.</summary>
    MarginNotEnabled,
    /// <summary>The move was refused for another reason (e.g. a zero amount).</summary>
    TransferFailed,
}

/// <summary>Channels of the managed sub-account moves in the one ledger.</summary>
public static class ManagedMoveChannels
{
    /// <summary>POST /sapi/v1/managed-subaccount/deposit: the investor's spot → the managed sub-account's spot.</summary>
    public const string Deposit = "MANAGED_DEPOSIT";

    /// <summary>POST /sapi/v1/managed-subaccount/withdraw: the managed sub-account's spot → the investor's spot.</summary>
    public const string Withdraw = "MANAGED_WITHDRAW";

    /// <summary>The client-id prefix of managed moves; the rest is the managed transfer id.</summary>
    public const string ClientIdPrefix = "managed:";
}

/// <summary>
/// Managed sub-accounts, next to <see cref="SimLedger"/>: which sub-accounts the investor master manages and
/// which trading team each is bound to, scheduled withdrawals, and the rules of the three roles. Money moves only through
/// <see cref="SimLedger.Move"/> (channels <see cref="ManagedMoveChannels"/>), so totals, histories and the auditor see
/// every deposit and withdrawal. Snapshots and transfer logs are derived from the ledger, never stored twice.
/// </summary>
public sealed partial class ManagedSubAccountBook
{
    private readonly object _gate = new();
    private readonly SimLedger _ledger;
    private readonly SubAccountBook _subAccounts;
    private readonly IManagedSubAccountBookStore _store;
    private readonly TimeProvider _time;
    private ManagedSubAccountBookState _state;

    /// <summary>When the earliest pending withdrawal is due (long.MaxValue: none), so the per-request check is one read.</summary>
    private long _nextDueMs = long.MaxValue;

    /// <summary>Builds the book over loaded state (profiles whose user the ledger does not know are dropped).</summary>
    public ManagedSubAccountBook(SimLedger ledger, SubAccountBook subAccounts, ManagedSubAccountBookState state,
        IManagedSubAccountBookStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(subAccounts);
        ArgumentNullException.ThrowIfNull(state);
        _ledger = ledger;
        _subAccounts = subAccounts;
        _store = store;
        _time = time;
        _state = state with { Profiles = [.. state.Profiles.Where(p => ledger.FindUser(p.Email) is { IsMaster: false })] };
        _nextDueMs = NextDue(_state);
    }

    /// <summary>Replaces the book with <paramref name="state"/> as the state file holds it now (another process
    /// serving the same file changed it); the ledger has been reloaded first.</summary>
    public void Reload(ManagedSubAccountBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            _state = state with { Profiles = [.. state.Profiles.Where(p => _ledger.FindUser(p.Email) is { IsMaster: false })] };
            Volatile.Write(ref _nextDueMs, NextDue(_state));
        }
    }

    /// <summary>True when a scheduled withdrawal is due on the simulator's clock (one read; <see cref="RunDue"/> runs it).</summary>
    public bool HasDueWork => Volatile.Read(ref _nextDueMs) <= NowMs;

    /// <summary>A consistent copy of the book.</summary>
    public ManagedSubAccountBookState Snapshot()
    {
        lock (_gate) return _state;
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Commit(ManagedSubAccountBookState next)
    {
        _store.Save(next);
        _state = next;
        Volatile.Write(ref _nextDueMs, NextDue(next));
    }

    private static long NextDue(ManagedSubAccountBookState state) =>
        state.Withdrawals.Where(w => w.Status == ScheduledWithdrawal.Pending).Select(w => w.ExecuteAtMs).DefaultIfEmpty(long.MaxValue).Min();

    /// <summary>The caller is the investor: the ledger's master (the owner of the managed sub-accounts).</summary>
    private ManagedSubAccountFailure? RequireInvestor(string caller) =>
        _ledger.FindUser(caller) is { IsMaster: true } ? null : ManagedSubAccountFailure.WrongRole;

    /// <summary>The investor's managed sub-account <paramref name="email"/>.</summary>
    private ManagedSubAccountFailure? FindManaged(string caller, string email, out ManagedSubAccountProfile profile, out SimUser user)
    {
        profile = null!;
        user = null!;
        if (RequireInvestor(caller) is { } wrongRole) return wrongRole;
        var p = _state.Profiles.FirstOrDefault(x => string.Equals(x.Email, email, StringComparison.OrdinalIgnoreCase));
        if (p is null || _ledger.FindUser(p.Email) is not { IsMaster: false } u) return ManagedSubAccountFailure.NotManaged;
        profile = p;
        user = u;
        return null;
    }
}
