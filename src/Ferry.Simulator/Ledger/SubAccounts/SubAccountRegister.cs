namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>
/// The sub-account book's state and the rules every part of it shares: one lock, write-through commits (the store
/// first, then memory, then a changed user on the ledger) and the lookups of the master and its sub-accounts.
/// </summary>
internal sealed class SubAccountRegister
{
    private SubAccountBookState _state;
    private SubAccountBookState? _indexedState;
    private readonly Dictionary<string, SubAccountProfile> _profilesByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ISubAccountBookStore _store;
    private readonly TimeProvider _time;

    /// <summary>Builds the register over loaded state; a sub-account of the ledger without a profile (a state file older
    /// than the book) gets one now, numbered after the others.</summary>
    public SubAccountRegister(SimLedger ledger, SubAccountBookState state, ISubAccountBookStore store, TimeProvider time)
    {
        Ledger = ledger;
        _store = store;
        _time = time;
        _state = WithProfilesForEveryUser(state);
    }

    /// <summary>The lock every read and change of the book takes.</summary>
    public object Gate { get; } = new();

    /// <summary>The ledger the book's users and wallets live in.</summary>
    public SimLedger Ledger { get; }

    /// <summary>The current state; read it under <see cref="Gate"/>.</summary>
    public SubAccountBookState State => _state;

    /// <summary>Now, from the injected clock, in epoch milliseconds.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Replaces the state with <paramref name="state"/> as the state file holds it now.</summary>
    public void Reload(SubAccountBookState state)
    {
        lock (Gate) _state = WithProfilesForEveryUser(state);
    }

    /// <summary>A consistent copy of the book.</summary>
    public SubAccountBookState Snapshot()
    {
        lock (Gate) return _state;
    }

    /// <summary>Writes the next state (and a changed user) through the store, then makes it current. Called under
    /// <see cref="Gate"/>.</summary>
    public void Commit(SubAccountBookState next, SimUser? changedUser)
    {
        _store.Save(next, changedUser);
        _state = next;
        if (changedUser is not null) Ledger.PutUser(changedUser);
    }

    /// <summary>The caller as a master, or the failure.</summary>
    public SubAccountFailure? RequireMaster(string caller) =>
        Ledger.FindUser(caller) is { IsMaster: true } ? null : SubAccountFailure.NotMaster;

    /// <summary>The sub-account <paramref name="email"/> of master <paramref name="caller"/>, with its profile.</summary>
    public SubAccountFailure? FindSub(string caller, string? email, out SimUser user, out SubAccountProfile profile)
    {
        user = null!;
        profile = null!;
        if (RequireMaster(caller) is { } notMaster) return notMaster;
        if (email is null || Ledger.FindUser(email) is not { IsMaster: false } found) return SubAccountFailure.UnknownSubAccount;
        if (ProfileOf(found.Email) is not { } p) return SubAccountFailure.UnknownSubAccount;
        user = found;
        profile = p;
        return null;
    }

    /// <summary>The first profile with <paramref name="email"/> (ignoring case), from an index rebuilt only when the state
    /// changed, so a read per sub-account does not scan every profile (planning a sweep reads each source once).</summary>
    private SubAccountProfile? ProfileOf(string email)
    {
        // Under the book's lock (re-entrant; most callers hold it already), since the index is rebuilt in place.
        lock (Gate)
        {
            if (!ReferenceEquals(_indexedState, _state))
            {
                _profilesByEmail.Clear();
                foreach (var profile in _state.Profiles) _profilesByEmail.TryAdd(profile.Email, profile);
                _indexedState = _state;
            }
            return _profilesByEmail.GetValueOrDefault(email);
        }
    }

    /// <summary>The master itself or one of its sub-accounts (for endpoints that accept either).</summary>
    public SubAccountFailure? FindMasterOrSub(string caller, string? email, out SimUser user)
    {
        user = null!;
        if (RequireMaster(caller) is { } notMaster) return notMaster;
        if (email is not null && Ledger.FindUser(email) is { } found)
        {
            user = found;
            return null;
        }
        return SubAccountFailure.UnknownSubAccount;
    }

    private SubAccountBookState WithProfilesForEveryUser(SubAccountBookState state)
    {
        var profiles = state.Profiles.ToList();
        var next = state.NextSubUserId;
        foreach (var user in Ledger.Users().Where(u => !u.IsMaster).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase))
        {
            if (!profiles.Any(p => string.Equals(p.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
            {
                profiles.Add(new SubAccountProfile(user.Email, next++, NowMs, "", false, false));
            }
        }
        return state with { Profiles = profiles, NextSubUserId = next };
    }
}
