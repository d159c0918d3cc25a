using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>
/// The managed sub-account book's state and the rules its parts share: one lock, write-through commits that also
/// track when the earliest scheduled withdrawal is due, and the role checks (the investor, its managed sub-accounts).
/// </summary>
internal sealed class ManagedSubAccountRegister
{
    /// <summary>One day in milliseconds.</summary>
    public const long DayMs = 86_400_000;

    private readonly IManagedSubAccountBookStore _store;
    private readonly TimeProvider _time;
    private ManagedSubAccountBookState _state;

    /// <summary>When the earliest pending withdrawal is due (long.MaxValue: none), so the per-request check is one read.</summary>
    private long _nextDueMs = long.MaxValue;

    /// <summary>Builds the register over loaded state (profiles whose user the ledger does not know are dropped).</summary>
    public ManagedSubAccountRegister(SimLedger ledger, SubAccountBook subAccounts, ManagedSubAccountBookState state,
        IManagedSubAccountBookStore store, TimeProvider time)
    {
        Ledger = ledger;
        SubAccounts = subAccounts;
        _store = store;
        _time = time;
        _state = state with { Profiles = [.. state.Profiles.Where(p => ledger.FindUser(p.Email) is { IsMaster: false })] };
        _nextDueMs = NextDue(_state);
    }

    /// <summary>The lock every read and change of the book takes.</summary>
    public object Gate { get; } = new();

    /// <summary>The ledger every managed move goes through.</summary>
    public SimLedger Ledger { get; }

    /// <summary>The plain sub-account book: managed sub-accounts are sub-accounts too (ids, wallets, positions, prices).</summary>
    public SubAccountBook SubAccounts { get; }

    /// <summary>The current state; read it under <see cref="Gate"/>.</summary>
    public ManagedSubAccountBookState State => _state;

    /// <summary>Now, from the injected clock, in epoch milliseconds.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>True when a scheduled withdrawal is due on the simulator's clock (one read).</summary>
    public bool HasDueWork => Volatile.Read(ref _nextDueMs) <= NowMs;

    /// <summary>Replaces the state with <paramref name="state"/> as the state file holds it now.</summary>
    public void Reload(ManagedSubAccountBookState state)
    {
        lock (Gate)
        {
            _state = state with { Profiles = [.. state.Profiles.Where(p => Ledger.FindUser(p.Email) is { IsMaster: false })] };
            Volatile.Write(ref _nextDueMs, NextDue(_state));
        }
    }

    /// <summary>A consistent copy of the book.</summary>
    public ManagedSubAccountBookState Snapshot()
    {
        lock (Gate) return _state;
    }

    /// <summary>Writes the next state through the store, then makes it current. Called under <see cref="Gate"/>.</summary>
    public void Commit(ManagedSubAccountBookState next)
    {
        _store.Save(next);
        _state = next;
        Volatile.Write(ref _nextDueMs, NextDue(next));
    }

    /// <summary>The caller is the investor: the ledger's master (the owner of the managed sub-accounts).</summary>
    public ManagedSubAccountFailure? RequireInvestor(string caller) =>
        Ledger.FindUser(caller) is { IsMaster: true } ? null : ManagedSubAccountFailure.WrongRole;

    /// <summary>The investor's managed sub-account <paramref name="email"/>.</summary>
    public ManagedSubAccountFailure? FindManaged(string caller, string email, out ManagedSubAccountProfile profile, out SimUser user)
    {
        profile = null!;
        user = null!;
        if (RequireInvestor(caller) is { } wrongRole) return wrongRole;
        var p = _state.Profiles.FirstOrDefault(x => string.Equals(x.Email, email, StringComparison.OrdinalIgnoreCase));
        if (p is null || Ledger.FindUser(p.Email) is not { IsMaster: false } u) return ManagedSubAccountFailure.NotManaged;
        profile = p;
        user = u;
        return null;
    }

    /// <summary>00:00 UTC of the day holding <paramref name="ms"/>.</summary>
    public static long StartOfUtcDay(long ms) => ms - (((ms % DayMs) + DayMs) % DayMs);

    /// <summary>E-mails compare without case.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static long NextDue(ManagedSubAccountBookState state) =>
        state.Withdrawals.Where(w => w.Status == ScheduledWithdrawal.Pending).Select(w => w.ExecuteAtMs).DefaultIfEmpty(long.MaxValue).Min();
}
