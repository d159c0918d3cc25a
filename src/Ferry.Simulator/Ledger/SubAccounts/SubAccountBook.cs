namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Why the book refused an operation; each venue maps these to its own errors.</summary>
public enum SubAccountFailure
{
    /// <summary>The caller is not a master account.</summary>
    NotMaster,
    /// <summary>The e-mail is not a sub-account of the caller.</summary>
    UnknownSubAccount,
    /// <summary>A value is malformed or out of range.</summary>
    InvalidValue,
    /// <summary>The named API key does not exist or is not the sub-account's.</summary>
    UnknownApiKey,
    /// <summary>The account has no futures account.</summary>
    FuturesNotEnabled,
    /// <summary>The account has no margin account.</summary>
    MarginNotEnabled,
}

/// <summary>
/// The master's view of its sub-accounts (state and rules next to <see cref="SimLedger"/>): profiles, product flags,
/// per-key IP restrictions, futures positions, deposits and prices. Changes are written through the store before memory
/// changes; product flags live on the ledger's <see cref="SimUser"/>, so transfers see them at once.
/// </summary>
public sealed partial class SubAccountBook
{
    private readonly object _gate = new();
    private readonly SimLedger _ledger;
    private readonly ISubAccountBookStore _store;
    private readonly TimeProvider _time;
    private SubAccountBookState _state;

    /// <summary>Builds the book over loaded state; a sub-account of the ledger without a profile (a state file older than
    /// the book) gets one now, numbered after the others.</summary>
    public SubAccountBook(SimLedger ledger, SubAccountBookState state, ISubAccountBookStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(state);
        _ledger = ledger;
        _store = store;
        _time = time;
        _state = WithProfilesForEveryUser(state);
    }

    /// <summary>Replaces the book with <paramref name="state"/> as the state file holds it now (another process
    /// serving the same file changed it); the ledger has been reloaded first.</summary>
    public void Reload(SubAccountBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate) _state = WithProfilesForEveryUser(state);
    }

    private SubAccountBookState WithProfilesForEveryUser(SubAccountBookState state)
    {
        var profiles = state.Profiles.ToList();
        var next = state.NextSubUserId;
        foreach (var user in _ledger.Users().Where(u => !u.IsMaster).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase))
        {
            if (!profiles.Any(p => string.Equals(p.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
            {
                profiles.Add(new SubAccountProfile(user.Email, next++, NowMs, "", false, false));
            }
        }
        return state with { Profiles = profiles, NextSubUserId = next };
    }

    /// <summary>A consistent copy of the book.</summary>
    public SubAccountBookState Snapshot()
    {
        lock (_gate) return _state;
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Writes the next state (and a changed user) through the store, then makes it current.</summary>
    private void Commit(SubAccountBookState next, SimUser? changedUser)
    {
        _store.Save(next, changedUser);
        _state = next;
        if (changedUser is not null) _ledger.PutUser(changedUser);
    }

    /// <summary>The caller as a master, or the failure.</summary>
    private SubAccountFailure? RequireMaster(string caller) =>
        _ledger.FindUser(caller) is { IsMaster: true } ? null : SubAccountFailure.NotMaster;

    /// <summary>The sub-account <paramref name="email"/> of master <paramref name="caller"/>, with its profile.</summary>
    private SubAccountFailure? FindSub(string caller, string? email, out SimUser user, out SubAccountProfile profile)
    {
        user = null!;
        profile = null!;
        if (RequireMaster(caller) is { } notMaster) return notMaster;
        if (email is null || _ledger.FindUser(email) is not { IsMaster: false } found) return SubAccountFailure.UnknownSubAccount;
        var p = _state.Profiles.FirstOrDefault(x => string.Equals(x.Email, found.Email, StringComparison.OrdinalIgnoreCase));
        if (p is null) return SubAccountFailure.UnknownSubAccount;
        user = found;
        profile = p;
        return null;
    }

    /// <summary>The master itself or one of its sub-accounts (for endpoints that accept either).</summary>
    private SubAccountFailure? FindMasterOrSub(string caller, string? email, out SimUser user)
    {
        user = null!;
        if (RequireMaster(caller) is { } notMaster) return notMaster;
        if (email is not null && _ledger.FindUser(email) is { } found)
        {
            user = found;
            return null;
        }
        return SubAccountFailure.UnknownSubAccount;
    }
}
