using Ferry.Binance.Wallet;

namespace Ferry.Engine.History;

/// <summary>
/// One type of universal-transfer history to read, with the isolated-margin symbols Binance
/// requires for the types that have an isolated side.
/// </summary>
public sealed record UniversalHistorySelection(UniversalTransferType Type, string? FromSymbol = null, string? ToSymbol = null)
{
    /// <summary>
    /// Every type readable with the given symbols: types with an isolated side are included only
    /// when the symbol for that side is known.
    /// </summary>
    public static IReadOnlyList<UniversalHistorySelection> AllTypes(string? fromSymbol, string? toSymbol) =>
        Enum.GetValues<UniversalTransferType>()
            .Where(t => (!t.NeedsFromSymbol() || fromSymbol is not null) && (!t.NeedsToSymbol() || toSymbol is not null))
            .Select(t => new UniversalHistorySelection(t, t.NeedsFromSymbol() ? fromSymbol : null, t.NeedsToSymbol() ? toSymbol : null))
            .ToList();
}
