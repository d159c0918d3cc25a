using System.Collections.Frozen;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance;

/// <summary>
/// Which isolated margin pairs the simulated Binance lists. Binance lists a few hundred and refuses a move to or from
/// any other symbol; the simulator lists a built-in set of common pairs (assumed: the real list changes over time)
/// plus every isolated symbol its ledger holds or held (the scenario's isolated balances), so a scenario can use any pair.
/// </summary>
internal static class IsolatedMarginPairs
{
    private static readonly string[] Bases =
    [
        "BTC", "ETH", "BNB", "SOL", "XRP", "ADA", "DOGE", "TRX", "DOT", "LTC", "LINK", "AVAX", "MATIC", "POL", "ATOM", "ETC",
        "BCH", "FIL", "NEAR", "UNI", "APT", "ARB", "OP", "SUI", "TON", "SHIB", "PEPE", "AAVE", "XLM", "ICP",
    ];

    /// <summary>The built-in pairs: each base against USDT, USDC and FDUSD, and the larger ones against BTC.</summary>
    public static readonly FrozenSet<string> BuiltIn = Bases
        .SelectMany(b => new[] { b + "USDT", b + "USDC", b + "FDUSD" })
        .Concat(Bases.Where(b => b != "BTC").Take(10).Select(b => b + "BTC"))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when Binance (as simulated) lists <paramref name="symbol"/> for isolated margin.</summary>
    public static bool Lists(string symbol, SimLedger ledger) =>
        BuiltIn.Contains(symbol) || ledger.HasSymbolWallet(WalletKind.IsolatedMargin, symbol);

    /// <summary>The -3028 refusal when either isolated side names a pair that is not listed, else null.</summary>
    public static BinanceError? Check(SimLedger ledger, WalletKind fromKind, string? fromSymbol, WalletKind toKind, string? toSymbol)
    {
        if (fromKind == WalletKind.IsolatedMargin && fromSymbol is not null && !Lists(fromSymbol, ledger)) return BinanceErrors.NotValidMarginPair;
        if (toKind == WalletKind.IsolatedMargin && toSymbol is not null && !Lists(toSymbol, ledger)) return BinanceErrors.NotValidMarginPair;
        return null;
    }
}
