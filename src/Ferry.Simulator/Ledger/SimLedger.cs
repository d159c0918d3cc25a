namespace Ferry.Simulator.Ledger;

/// <summary>The single source of truth of the simulator: users × wallets × assets, moved atomically,
/// every move appended to history. Venue layers (Binance today, HTX later) only call into it.</summary>
public sealed class SimLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SimUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<BalanceKey, decimal> _seed;
    private readonly Dictionary<BalanceKey, decimal> _balances;
    private readonly List<LedgerMove> _history;
    private readonly HistoryIndex _index = new();
    private readonly Dictionary<string, HashSet<BalanceKey>> _cellsByOwner = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _clientIds = new(StringComparer.Ordinal);
    private readonly ILedgerStore _store;
    private readonly TimeProvider _time;
    private long _nextId;

    /// <summary>Builds a ledger over loaded state; <paramref name="store"/> receives every committed move.</summary>
    public SimLedger(LedgerState state, ILedgerStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var user in state.Users) _users[user.Email] = user;
        _seed = new Dictionary<BalanceKey, decimal>(state.SeedBalances);
        _balances = new Dictionary<BalanceKey, decimal>(state.Balances);
        _history = [.. state.History];
        IndexLoaded();
        _nextId = state.NextId;
        _store = store;
        _time = time;
    }

    /// <summary>Replaces everything with <paramref name="state"/>: the state file changed under this process (another
    /// process serving the same file committed), and memory must become what the file holds.</summary>
    public void Reload(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            _users.Clear();
            foreach (var user in state.Users) _users[user.Email] = user;
            _seed.Clear();
            foreach (var (key, amount) in state.SeedBalances) _seed[key] = amount;
            _balances.Clear();
            foreach (var (key, amount) in state.Balances) _balances[key] = amount;
            _history.Clear();
            _history.AddRange(state.History);
            IndexLoaded();
            _nextId = state.NextId;
        }
    }

    /// <summary>Rebuilds the client ids, the history index and the cells-by-owner index from the loaded state.</summary>
    private void IndexLoaded()
    {
        _clientIds.Clear();
        _index.Clear();
        // The index wants ids in order; the state file reads them so, and this keeps it true for any other source.
        if (!IsInIdOrder(_history)) _history.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach (var move in _history)
        {
            if (move.ClientId is not null) _clientIds.Add(move.ClientId);
            _index.Add(move);
        }
        _cellsByOwner.Clear();
        foreach (var key in _balances.Keys) IndexCell(key);
    }

    private static bool IsInIdOrder(List<LedgerMove> moves)
    {
        for (var i = 1; i < moves.Count; i++)
        {
            if (moves[i].Id < moves[i - 1].Id) return false;
        }
        return true;
    }

    private void IndexCell(BalanceKey key)
    {
        if (!_cellsByOwner.TryGetValue(key.Wallet.Owner, out var cells))
        {
            cells = [];
            _cellsByOwner[key.Wallet.Owner] = cells;
        }
        cells.Add(key);
    }

    /// <summary>The master user, or null for an empty ledger.</summary>
    public SimUser? Master
    {
        get
        {
            lock (_gate) return _users.Values.FirstOrDefault(u => u.IsMaster);
        }
    }

    /// <summary>Finds a user by e-mail (case-insensitive).</summary>
    public SimUser? FindUser(string email)
    {
        lock (_gate) return _users.GetValueOrDefault(email);
    }

    // --- Sub-account management: the sub-account book adds users and flips their product flags. ---

    /// <summary>Every user, master first.</summary>
    public IReadOnlyList<SimUser> Users()
    {
        lock (_gate) return [.. _users.Values.OrderByDescending(u => u.IsMaster)];
    }

    /// <summary>Adds a user or replaces the one with the same e-mail; the caller has already written it through its store.</summary>
    public void PutUser(SimUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate) _users[user.Email] = user;
    }

    /// <summary>Moves an amount atomically: checks the client id (unique per ledger, i.e. per master), users, wallets
    /// and the source balance, writes through the store, then updates memory and appends a history row with the
    /// next id and the current time. A refused move changes nothing and does not use up its client id.</summary>
    public MoveOutcome Move(MoveRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount <= 0m) return MoveOutcome.Refused(MoveFailure.NonPositiveAmount);
        if (request.From == request.To) return MoveOutcome.Refused(MoveFailure.SameWallet);
        lock (_gate)
        {
            if (request.ClientId is not null && _clientIds.Contains(request.ClientId))
            {
                return MoveOutcome.Refused(MoveFailure.DuplicateClientId);
            }
            if (!_users.TryGetValue(request.From.Owner, out var fromUser) ||
                !_users.TryGetValue(request.To.Owner, out var toUser))
            {
                return MoveOutcome.Refused(MoveFailure.UnknownUser);
            }
            if (!fromUser.HasWallet(request.From.Wallet) || !toUser.HasWallet(request.To.Wallet))
            {
                return MoveOutcome.Refused(MoveFailure.WalletNotEnabled);
            }
            var fromKey = new BalanceKey(request.From with { Owner = fromUser.Email }, request.Asset);
            var toKey = new BalanceKey(request.To with { Owner = toUser.Email }, request.Asset);
            var fromBalance = _balances.GetValueOrDefault(fromKey);
            if (fromBalance < request.Amount) return MoveOutcome.Refused(MoveFailure.InsufficientBalance);

            var move = new LedgerMove(
                _nextId, _time.GetUtcNow().ToUnixTimeMilliseconds(), request.Channel, request.Type, request.Initiator,
                fromKey.Wallet, toKey.Wallet, request.Asset, request.Amount, LedgerMove.Confirmed, request.ClientId);
            var changed = new List<KeyValuePair<BalanceKey, decimal>>(2)
            {
                new(fromKey, fromBalance - request.Amount),
                new(toKey, _balances.GetValueOrDefault(toKey) + request.Amount),
            };
            _store.Commit(move, changed, _nextId + 1);
            foreach (var (key, amount) in changed)
            {
                if (_balances.TryAdd(key, amount))
                {
                    IndexCell(key);
                }
                else
                {
                    _balances[key] = amount;
                }
            }
            _history.Add(move);
            _index.Add(move);
            if (move.ClientId is not null) _clientIds.Add(move.ClientId);
            _nextId++;
            return MoveOutcome.Done(move);
        }
    }

    /// <summary>The history-lag fault: how many ms after its time a move first shows in history.</summary>
    public Func<long, long>? HistoryLag { get; set; }

    /// <summary>False when <see cref="HistoryLag"/> is 0 for every move (no history-lag fault now), so a read need not
    /// ask it per move; null counts as true.</summary>
    public Func<bool>? HistoryLagActive { get; set; }

    /// <summary>One page of history from the index: only the list of the query's key is looked at, a time window is
    /// found by binary search, and the total is counted without copying the rows. The same rows, total and order as
    /// <see cref="ReadHistory"/> with the query's key, window and filter, newest first.</summary>
    public HistoryPage ReadHistoryPage(HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var lag = HistoryLag;
        Func<LedgerMove, bool>? visible = null;
        if (lag is not null)
        {
            if (HistoryLagActive?.Invoke() ?? true)
            {
                visible = m => m.TimestampMs + lag(m.Id) <= now;
            }
            else
            {
                // Every lag is 0: a move shows once its time has come, which is a bound on the window.
                query = query with { ToMs = Math.Min(query.ToMs, now) };
            }
        }
        lock (_gate) return _index.Read(query, visible);
    }

    /// <summary>History rows matching a filter, oldest first, by a scan of every move: the plain reference the indexed
    /// <see cref="ReadHistoryPage"/> is tested against (the endpoints read through that). Both apply the history-lag
    /// fault the same way.</summary>
    public IReadOnlyList<LedgerMove> ReadHistory(Func<LedgerMove, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate) return [.. _history.Where(m => (HistoryLag is null || m.TimestampMs + HistoryLag(m.Id) <= now) && filter(m))];
    }

    /// <summary>True when any user holds or held a balance cell in the <paramref name="kind"/> wallet of
    /// <paramref name="symbol"/> (seeded, or moved into since).</summary>
    public bool HasSymbolWallet(WalletKind kind, string symbol)
    {
        lock (_gate)
        {
            return _balances.Keys.Concat(_seed.Keys)
                .Any(k => k.Wallet.Wallet == kind && string.Equals(k.Wallet.Symbol, symbol, StringComparison.Ordinal));
        }
    }

    /// <summary>Per asset, the sum over every wallet of every user.</summary>
    public IReadOnlyDictionary<string, decimal> Totals()
    {
        lock (_gate) return SumByAsset(_balances);
    }

    /// <summary>Balance cells (zero cells omitted), optionally for one owner, sorted by owner, wallet, symbol, asset.</summary>
    public IReadOnlyList<KeyValuePair<BalanceKey, decimal>> Balances(string? owner = null)
    {
        lock (_gate)
        {
            // One owner's cells come from the index, so a read costs that owner's cells, not every cell of the ledger.
            IEnumerable<KeyValuePair<BalanceKey, decimal>> cells = owner is null
                ? _balances
                : _cellsByOwner.TryGetValue(owner, out var keys) ? keys.Select(k => new KeyValuePair<BalanceKey, decimal>(k, _balances[k])) : [];
            return [.. cells
                .Where(b => b.Value != 0m)
                .OrderBy(b => b.Key.Wallet.Owner, StringComparer.Ordinal)
                .ThenBy(b => b.Key.Wallet.Wallet)
                .ThenBy(b => b.Key.Wallet.Symbol, StringComparer.Ordinal)
                .ThenBy(b => b.Key.Asset, StringComparer.Ordinal)];
        }
    }

    /// <summary>A consistent copy of everything, for the auditor and for tests.</summary>
    public LedgerState Snapshot()
    {
        lock (_gate)
        {
            return new LedgerState(
                [.. _users.Values], new Dictionary<BalanceKey, decimal>(_seed),
                new Dictionary<BalanceKey, decimal>(_balances), [.. _history], _nextId);
        }
    }

    internal static Dictionary<string, decimal> SumByAsset(IEnumerable<KeyValuePair<BalanceKey, decimal>> cells)
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, amount) in cells) totals[key.Asset] = totals.GetValueOrDefault(key.Asset) + amount;
        return totals;
    }
}
