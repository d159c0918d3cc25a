using Ferry.Simulator.Ledger.SubAccounts;
using static Ferry.Simulator.Ledger.ManagedSubAccounts.ManagedSubAccountRegister;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>What the investor can read about its managed sub-accounts: the list, wallets, deposit addresses and daily
/// snapshots, all derived from the ledger.</summary>
public sealed class ManagedSubAccountQueries
{
    private readonly ManagedSubAccountRegister _register;

    internal ManagedSubAccountQueries(ManagedSubAccountRegister register) => _register = register;

    /// <summary>The most snapshots GET accountSnapshot returns, and the fewest (documented 7..30).</summary>
    public const int MinSnapshotLimit = 7, MaxSnapshotLimit = 30;

    /// <summary>True when <paramref name="email"/> is one of the investor's managed sub-accounts (for the
    /// <c>isManagedSubAccount</c> flag of <c>GET sub-account/list</c>).</summary>
    public bool IsManaged(string email)
    {
        lock (_register.Gate) return _register.State.Profiles.Any(p => Same(p.Email, email));
    }

    /// <summary>The investor's managed sub-accounts (one with <paramref name="email"/>), in creation order.</summary>
    public ManagedSubAccountFailure? List(string caller, string? email, out long investorUserId, out IReadOnlyList<ManagedSubAccountView> views)
    {
        views = [];
        investorUserId = 0;
        List<ManagedSubAccountProfile> profiles;
        lock (_register.Gate)
        {
            if (_register.RequireInvestor(caller) is { } wrongRole) return wrongRole;
            investorUserId = _register.State.InvestorUserId;
            profiles = [.. _register.State.Profiles.Where(p => email is null || Same(p.Email, email))];
        }
        var list = new List<ManagedSubAccountView>();
        foreach (var p in profiles)
        {
            if (_register.SubAccounts.Accounts.Find(caller, p.Email, out var view) is null) list.Add(new ManagedSubAccountView(p, view.User, view.Profile.SubUserId, view.Profile.Frozen));
        }
        views = [.. list.OrderBy(v => v.Profile.InsertTimeMs).ThenBy(v => v.SubUserId)];
        return null;
    }

    /// <summary>The managed sub-account's spot wallet (non-zero balances).</summary>
    public ManagedSubAccountFailure? SpotAssets(string caller, string email, out IReadOnlyList<KeyValuePair<string, decimal>> balances)
    {
        balances = [];
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, email, out _, out var user) is { } failure) return failure;
            balances = Wallet(user.Email, WalletKind.Spot);
            return null;
        }
    }

    /// <summary>The managed sub-account's cross margin wallet, or its isolated wallets summed by asset.</summary>
    public ManagedSubAccountFailure? MarginAssets(string caller, string email, bool isolated, out IReadOnlyList<KeyValuePair<string, decimal>> balances)
    {
        balances = [];
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, email, out _, out var user) is { } failure) return failure;
            if (!user.MarginEnabled) return ManagedSubAccountFailure.MarginNotEnabled;
            balances = Wallet(user.Email, isolated ? WalletKind.IsolatedMargin : WalletKind.Margin);
            return null;
        }
    }

    /// <summary>The managed sub-account's USDⓈ-M ("UM") or COIN-M ("CM") account and positions.</summary>
    public ManagedSubAccountFailure? FuturesAssets(string caller, string email, string market, out FuturesAccountView account, out IReadOnlyList<SimPosition> positions)
    {
        account = null!;
        positions = [];
        SimUser user;
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, email, out _, out user) is { } failure) return failure;
        }
        if (!user.FuturesEnabled) return ManagedSubAccountFailure.FuturesNotEnabled;
        if (_register.SubAccounts.Balances.FuturesAccount(caller, user.Email, market, out account) is not null ||
            _register.SubAccounts.Positions.Positions(caller, user.Email, market, out positions) is not null)
        {
            return ManagedSubAccountFailure.NotManaged;
        }
        return null;
    }

    /// <summary>The deterministic deposit address of a managed sub-account (network default as for sub-accounts).</summary>
    public ManagedSubAccountFailure? DepositAddress(string caller, string email, string coin, string? network, out DepositAddress address)
    {
        address = null!;
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, email, out _, out var user) is { } failure) return failure;
            address = DepositAddresses.For(user.Email, coin, network ?? DepositAddresses.DefaultNetwork(coin));
            return null;
        }
    }

    /// <summary>
    /// Daily snapshots of one wallet, oldest first: one per UTC day from the day the managed sub-account was created to the
    /// last day that has ended, each the ledger's balance (seed plus every move before the day's end) at 23:59:59 UTC.
    /// A test that advances the clock past midnight sees the new day's snapshot. Keeps those with updateTime in
    /// [<paramref name="startMs"/>, <paramref name="endMs"/>], then the latest <paramref name="limit"/>.
    /// </summary>
    public ManagedSubAccountFailure? Snapshots(string caller, string email, ManagedSnapshotType type, long startMs, long endMs, int limit,
        out IReadOnlyList<ManagedSnapshot> snapshots)
    {
        snapshots = [];
        ManagedSubAccountProfile profile;
        SimUser user;
        lock (_register.Gate)
        {
            if (_register.FindManaged(caller, email, out profile, out user) is { } failure) return failure;
        }
        if (type == ManagedSnapshotType.Margin && !user.MarginEnabled) return ManagedSubAccountFailure.MarginNotEnabled;
        if (type == ManagedSnapshotType.Futures && !user.FuturesEnabled) return ManagedSubAccountFailure.FuturesNotEnabled;
        var wallet = type switch
        {
            ManagedSnapshotType.Spot => WalletKind.Spot,
            ManagedSnapshotType.Margin => WalletKind.Margin,
            _ => WalletKind.UsdtFuture,
        };
        IReadOnlyList<SimPosition> positions = [];
        if (type == ManagedSnapshotType.Futures) _register.SubAccounts.Positions.Positions(caller, user.Email, "UM", out positions);

        var now = _register.NowMs;
        var days = new List<long>();
        for (var day = StartOfUtcDay(profile.InsertTimeMs); day + DayMs <= now; day += DayMs)
        {
            var update = day + DayMs - 1000;
            if (update >= startMs && update <= endMs) days.Add(day);
        }
        days = [.. days.TakeLast(limit)];
        if (days.Count == 0) return null;

        var ledger = _register.Ledger.Snapshot();
        var moves = ledger.History.OrderBy(m => m.TimestampMs).ThenBy(m => m.Id).ToList();
        var list = new List<ManagedSnapshot>(days.Count);
        foreach (var day in days)
        {
            var end = day + DayMs;
            var cells = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (key, amount) in ledger.SeedBalances) Add(cells, key, user.Email, wallet, amount);
            foreach (var m in moves.TakeWhile(m => m.TimestampMs < end))
            {
                Add(cells, new BalanceKey(m.From, m.Asset), user.Email, wallet, -m.Amount);
                Add(cells, new BalanceKey(m.To, m.Asset), user.Email, wallet, m.Amount);
            }
            list.Add(new ManagedSnapshot(end - 1000, [.. cells.Where(c => c.Value != 0m).OrderBy(c => c.Key, StringComparer.Ordinal)], positions));
        }
        snapshots = list;
        return null;
    }

    private static void Add(Dictionary<string, decimal> cells, BalanceKey key, string owner, WalletKind wallet, decimal amount)
    {
        if (key.Wallet.Wallet != wallet || !Same(key.Wallet.Owner, owner)) return;
        cells[key.Asset] = cells.GetValueOrDefault(key.Asset) + amount;
    }

    /// <summary>Non-zero balances of one wallet kind of a user, summed by asset (isolated wallets over every symbol).</summary>
    private IReadOnlyList<KeyValuePair<string, decimal>> Wallet(string email, WalletKind wallet) =>
        [.. _register.Ledger.Balances(email).Where(b => b.Key.Wallet.Wallet == wallet)
            .GroupBy(b => b.Key.Asset, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, decimal>(g.Key, g.Sum(b => b.Value)))
            .OrderBy(b => b.Key, StringComparer.Ordinal)];

    /// <summary>BTC value from the scenario's prices (as the sub-account summaries value it).</summary>
    public decimal ToBtc(string asset, decimal amount) => _register.SubAccounts.Balances.ToBtc(asset, amount);
}
