using Ferry.Binance.Http;

namespace Ferry.Binance.Wallet;

/// <summary>
/// The docs' symbol rules for universal transfers: fromSymbol exactly when the source is isolated margin,
/// toSymbol exactly when the target is; symbols are refused where they make no sense.
/// </summary>
internal static class TransferTypeRules
{
    public static string? Check(UniversalTransferType type, string? fromSymbol, string? toSymbol)
    {
        if (!Enum.IsDefined(type))
        {
            return $"type {(int)type} is not a universal transfer type.";
        }

        var wire = type.WireName();
        if (type.NeedsFromSymbol() && fromSymbol is null)
        {
            return $"fromSymbol is required for {wire}: name the isolated-margin symbol to move out of, e.g. BTCUSDT.";
        }

        if (!type.NeedsFromSymbol() && fromSymbol is not null)
        {
            return $"fromSymbol must not be given for {wire}, whose source is not an isolated-margin account.";
        }

        if (type.NeedsToSymbol() && toSymbol is null)
        {
            return $"toSymbol is required for {wire}: name the isolated-margin symbol to move into, e.g. BTCUSDT.";
        }

        if (!type.NeedsToSymbol() && toSymbol is not null)
        {
            return $"toSymbol must not be given for {wire}, whose target is not an isolated-margin account.";
        }

        var symbolProblem = InputRules.Symbol(fromSymbol, "fromSymbol") ?? InputRules.Symbol(toSymbol, "toSymbol");
        if (symbolProblem is not null)
        {
            return symbolProblem;
        }

        return type == UniversalTransferType.IsolatedMarginIsolatedMargin && fromSymbol == toSymbol
            ? $"fromSymbol and toSymbol must differ for {wire}; both are {fromSymbol}."
            : null;
    }
}
