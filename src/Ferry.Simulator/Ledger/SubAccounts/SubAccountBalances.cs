namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>The wallets of the master's sub-accounts and their values in BTC and USD, from the scenario's prices.</summary>
public sealed class SubAccountBalances
{
    private readonly SubAccountRegister _register;
    private readonly SubAccountDirectory _accounts;

    internal SubAccountBalances(SubAccountRegister register, SubAccountDirectory accounts) => (_register, _accounts) = (register, accounts);

    /// <summary>Assets the simulator values at 1 USD (assumed).</summary>
    private static readonly string[] UsdStable = ["USDT", "BUSD", "USDC", "FDUSD"];

    /// <summary>The value of <paramref name="amount"/> of <paramref name="asset"/> in BTC from the scenario's prices:
    /// directly (ABTC or BTCA), else through USDT (AUSDT and BTCUSDT); an asset without a price counts 0. Divisions are
    /// cut (not rounded) to 8 decimals.</summary>
    public decimal ToBtc(string asset, decimal amount)
    {
        if (amount == 0m || asset == "BTC") return amount;
        var prices = _register.Snapshot().Prices;
        if (prices.TryGetValue(asset + "BTC", out var p)) return amount * p;
        if (prices.TryGetValue("BTC" + asset, out p)) return Math.Round(amount / p, 8, MidpointRounding.ToZero);
        if (!prices.TryGetValue("BTCUSDT", out var btcUsdt)) return 0m;
        var usd = ToUsd(asset, amount);
        return Math.Round(usd / btcUsdt, 8, MidpointRounding.ToZero);
    }

    /// <summary>The value in USD: 1 for USD stablecoins, else the AUSDT price; an asset without a price counts 0.</summary>
    public decimal ToUsd(string asset, decimal amount)
    {
        if (UsdStable.Contains(asset)) return amount;
        return _register.Snapshot().Prices.TryGetValue(asset + "USDT", out var p) ? amount * p : 0m;
    }

    /// <summary>The non-zero balances of one wallet of a user, by asset.</summary>
    private IReadOnlyList<KeyValuePair<string, decimal>> WalletOf(string email, WalletKind wallet) =>
        [.. _register.Ledger.Balances(email).Where(b => b.Key.Wallet.Wallet == wallet).Select(b => new KeyValuePair<string, decimal>(b.Key.Asset, b.Value))];

    /// <summary>The spot wallet of one of the caller's sub-accounts (v3/v4 assets).</summary>
    public SubAccountFailure? SpotAssets(string caller, string? email, out IReadOnlyList<KeyValuePair<string, decimal>> balances)
    {
        balances = [];
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            balances = WalletOf(user.Email, WalletKind.Spot);
            return null;
        }
    }

    /// <summary>BTC value of the spot wallet of the master and of each sub-account (one, with <paramref name="email"/>).</summary>
    public SubAccountFailure? SpotSummary(string caller, string? email, out decimal masterBtc, out IReadOnlyList<KeyValuePair<string, decimal>> subAccounts)
    {
        masterBtc = 0m;
        subAccounts = [];
        if (email is not null && _accounts.Find(caller, email, out _) is { } failure) return failure;
        if (_accounts.List(caller, out var all) is { } notMaster) return notMaster;
        masterBtc = WalletOf(caller, WalletKind.Spot).Sum(b => ToBtc(b.Key, b.Value));
        subAccounts = [.. all.Where(v => email is null || string.Equals(v.Profile.Email, email, StringComparison.OrdinalIgnoreCase))
            .Select(v => new KeyValuePair<string, decimal>(v.Profile.Email, WalletOf(v.Profile.Email, WalletKind.Spot).Sum(b => ToBtc(b.Key, b.Value))))];
        return null;
    }

    /// <summary>The cross-margin wallet of a sub-account that has margin.</summary>
    public SubAccountFailure? MarginAccount(string caller, string? email, out string subEmail, out IReadOnlyList<MarginAssetLine> assets)
    {
        assets = [];
        subEmail = "";
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            if (!user.MarginEnabled) return SubAccountFailure.MarginNotEnabled;
            subEmail = user.Email;
            assets = [.. WalletOf(user.Email, WalletKind.Margin).Select(b => new MarginAssetLine(b.Key, b.Value))];
            return null;
        }
    }

    /// <summary>Every sub-account with margin enabled and its margin wallet.</summary>
    public SubAccountFailure? MarginSummary(string caller, out IReadOnlyList<KeyValuePair<string, IReadOnlyList<MarginAssetLine>>> subAccounts)
    {
        subAccounts = [];
        if (_accounts.List(caller, out var all) is { } failure) return failure;
        subAccounts = [.. all.Where(v => v.User.MarginEnabled).Select(v => new KeyValuePair<string, IReadOnlyList<MarginAssetLine>>(
            v.Profile.Email, [.. WalletOf(v.Profile.Email, WalletKind.Margin).Select(b => new MarginAssetLine(b.Key, b.Value))]))];
        return null;
    }

    /// <summary>The UM (USDT_FUTURE) or CM (COIN_FUTURE) account of a sub-account with futures.</summary>
    public SubAccountFailure? FuturesAccount(string caller, string? email, string market, out FuturesAccountView account)
    {
        account = null!;
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            if (!user.FuturesEnabled) return SubAccountFailure.FuturesNotEnabled;
            account = BuildFutures(user.Email, market);
            return null;
        }
    }

    /// <summary>The futures accounts of every sub-account with futures enabled.</summary>
    public SubAccountFailure? FuturesSummary(string caller, string market, out IReadOnlyList<FuturesAccountView> accounts)
    {
        accounts = [];
        if (_accounts.List(caller, out var all) is { } failure) return failure;
        lock (_register.Gate) accounts = [.. all.Where(v => v.User.FuturesEnabled).Select(v => BuildFutures(v.Profile.Email, market))];
        return null;
    }

    /// <summary>Per margin asset: wallet, unrealized profit and margins. UM positions are margined in USDT, with
    /// PnL = (mark − entry) × amount and initial margin |amount| × mark ÷ leverage. CM positions are margined in the
    /// coin before "USD" in the symbol, with quantity in that coin: PnL = (mark − entry) × amount ÷ mark and initial
    /// margin |amount| ÷ leverage (a simplification of inverse contracts, assumed).</summary>
    private FuturesAccountView BuildFutures(string email, string market)
    {
        var wallet = WalletOf(email, market == "UM" ? WalletKind.UsdtFuture : WalletKind.CoinFuture);
        var lines = wallet.ToDictionary(b => b.Key, b => new FuturesAssetLine(b.Key, b.Value, 0m, 0m, 0m), StringComparer.Ordinal);
        foreach (var p in _register.State.Positions.Where(p => p.Market == market && string.Equals(p.Owner, email, StringComparison.OrdinalIgnoreCase)))
        {
            var asset = market == "UM" ? "USDT" : CoinOf(p.Symbol);
            var pnl = market == "UM" ? p.UnrealizedProfit : Math.Round(p.UnrealizedProfit / p.MarkPrice, 8, MidpointRounding.ToZero);
            var notional = market == "UM" ? p.Notional : Math.Abs(p.Amount);
            var line = lines.GetValueOrDefault(asset) ?? new FuturesAssetLine(asset, 0m, 0m, 0m, 0m);
            lines[asset] = line with
            {
                UnrealizedProfit = line.UnrealizedProfit + pnl,
                PositionInitialMargin = line.PositionInitialMargin + Math.Round(notional / p.Leverage, 8, MidpointRounding.ToZero),
                MaintenanceMargin = line.MaintenanceMargin + Math.Round(notional * FuturesAssetLine.MaintenanceRate, 8, MidpointRounding.ToZero),
            };
        }
        return new FuturesAccountView(email, market, [.. lines.Values.OrderBy(l => l.Asset, StringComparer.Ordinal)]);
    }

    /// <summary>The margin coin of a COIN-M symbol: the text before "USD" (BTCUSD_PERP → BTC).</summary>
    internal static string CoinOf(string symbol)
    {
        var at = symbol.IndexOf("USD", StringComparison.Ordinal);
        return at > 0 ? symbol[..at] : symbol;
    }
}
