using System.Text.Json;
using Ferry.Simulator.Binance.Handlers.SubAccounts;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.OwnWallets;

/// <summary>GET /sapi/v1/margin/account and GET /sapi/v1/margin/isolated/account for the caller's own account. The
/// simulator lends nothing: borrowed and interest are zero, netAsset equals free, margin levels read 999.</summary>
internal sealed class OwnMarginHandlers(SimLedger ledger, SubAccountBalances valuation)
{
    private const int MaxSymbols = 5;

    // Quote assets tried, longest first, to split an isolated symbol such as BTCUSDT into base and quote.
    private static readonly string[] Quotes = ["FDUSD", "USDT", "USDC", "BUSD", "BTC", "ETH", "BNB"];

    /// <summary>GET /sapi/v1/margin/account: the cross margin wallet; -3003 for an account without margin.</summary>
    public SimResponse CrossAccount(SimRequest r)
    {
        if (ledger.FindUser(r.Owner!) is not { } user || !user.HasWallet(WalletKind.Margin)) return SimResponse.Fail(BinanceErrors.MarginAccountMissing);
        var assets = OwnCells.Of(ledger, r.Owner!, WalletKind.Margin);
        var btc = assets.Sum(a => valuation.ToBtc(a.Key, a.Value));
        var usd = assets.Sum(a => valuation.ToUsd(a.Key, a.Value));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("created", true);
            w.WriteBoolean("borrowEnabled", true);
            w.Str("marginLevel", SubAccountBalanceHandlers.NoDebtMarginLevel);
            w.Str("collateralMarginLevel", SubAccountBalanceHandlers.NoDebtMarginLevel);
            w.Str("totalAssetOfBtc", btc);
            w.Str("totalLiabilityOfBtc", 0m);
            w.Str("totalNetAssetOfBtc", btc);
            w.Str("TotalCollateralValueInUSDT", usd); // capital T as the docs spell it (reference §5b.4)
            w.Str("totalOpenOrderLossInUSDT", 0m);
            w.WriteBoolean("tradeEnabled", true);
            w.WriteBoolean("transferInEnabled", true);
            w.WriteBoolean("transferOutEnabled", true);
            w.WriteString("accountType", "MARGIN_1");
            w.WriteStartArray("userAssets");
            foreach (var (asset, free) in assets)
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                w.Str("borrowed", 0m);
                w.Str("free", free);
                w.Str("interest", 0m);
                w.Str("locked", 0m);
                w.Str("netAsset", free);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/margin/isolated/account: every isolated pair the caller holds, or the named ones (at most 5).</summary>
    public SimResponse IsolatedAccount(SimRequest r)
    {
        if (ledger.FindUser(r.Owner!) is not { } user || !user.HasWallet(WalletKind.IsolatedMargin)) return SimResponse.Fail(BinanceErrors.MarginAccountMissing);
        var cells = ledger.Balances(r.Owner!).Where(c => c.Key.Wallet.Wallet == WalletKind.IsolatedMargin).ToList();
        IReadOnlyList<string> symbols;
        if (r.Text("symbols") is { } named)
        {
            symbols = [.. named.Split(',').Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
            if (symbols.Count > MaxSymbols) return SimResponse.Fail(BinanceErrors.UnexpectedValue.Format("symbols", MaxSymbols.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (symbols.Any(s => Split(s) is null || !IsolatedMarginPairs.Lists(s, ledger))) return SimResponse.Fail(BinanceErrors.NotValidMarginPair);
        }
        else
        {
            symbols = [.. cells.Select(c => c.Key.Wallet.Symbol!).Where(s => Split(s) is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        var total = 0m;
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("assets");
            foreach (var symbol in symbols)
            {
                var (baseAsset, quoteAsset) = Split(symbol)!.Value;
                decimal Held(string asset) => cells.Where(c => c.Key.Wallet.Symbol == symbol && c.Key.Asset == asset).Sum(c => c.Value);
                w.WriteStartObject();
                total += WriteSide(w, "baseAsset", baseAsset, Held(baseAsset));
                total += WriteSide(w, "quoteAsset", quoteAsset, Held(quoteAsset));
                w.WriteString("symbol", symbol);
                w.WriteBoolean("isolatedCreated", true);
                w.WriteBoolean("enabled", true);
                w.Str("marginLevel", SubAccountBalanceHandlers.NoDebtMarginLevel);
                w.WriteString("marginLevelStatus", "EXCESSIVE");
                w.Str("marginRatio", 0m);
                w.Str("indexPrice", valuation.ToUsd(baseAsset, 1m) is var p && quoteAsset.StartsWith("USD", StringComparison.Ordinal) ? p : 0m);
                w.Str("liquidatePrice", 0m);
                w.Str("liquidateRate", 0m);
                w.WriteBoolean("tradeEnabled", true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.Str("totalAssetOfBtc", total);
            w.Str("totalLiabilityOfBtc", 0m);
            w.Str("totalNetAssetOfBtc", total);
            w.WriteEndObject();
        }));
    }

    private decimal WriteSide(Utf8JsonWriter w, string name, string asset, decimal free)
    {
        var btc = valuation.ToBtc(asset, free);
        w.WriteStartObject(name);
        w.WriteString("asset", asset);
        w.WriteBoolean("borrowEnabled", true);
        w.Str("borrowed", 0m);
        w.Str("free", free);
        w.Str("interest", 0m);
        w.Str("locked", 0m);
        w.Str("netAsset", free);
        w.Str("netAssetOfBtc", btc);
        w.WriteBoolean("repayEnabled", true);
        w.Str("totalAsset", free);
        w.WriteEndObject();
        return btc;
    }

    private static (string Base, string Quote)? Split(string symbol)
    {
        foreach (var quote in Quotes)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal)) return (symbol[..^quote.Length], quote);
        }
        return null;
    }
}
