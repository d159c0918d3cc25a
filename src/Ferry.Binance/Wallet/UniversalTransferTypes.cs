namespace Ferry.Binance.Wallet;

/// <summary>Wire names and symbol rules of <see cref="UniversalTransferType"/>.</summary>
public static class UniversalTransferTypes
{
    private static readonly string[] WireNames =
    [
        "MAIN_UMFUTURE", "MAIN_CMFUTURE", "MAIN_MARGIN", "UMFUTURE_MAIN", "UMFUTURE_MARGIN", "CMFUTURE_MAIN",
        "CMFUTURE_MARGIN", "MARGIN_MAIN", "MARGIN_UMFUTURE", "MARGIN_CMFUTURE", "ISOLATEDMARGIN_MARGIN",
        "MARGIN_ISOLATEDMARGIN", "ISOLATEDMARGIN_ISOLATEDMARGIN", "MAIN_FUNDING", "FUNDING_MAIN", "FUNDING_UMFUTURE",
        "UMFUTURE_FUNDING", "MARGIN_FUNDING", "FUNDING_MARGIN", "FUNDING_CMFUTURE", "CMFUTURE_FUNDING", "MAIN_OPTION",
        "OPTION_MAIN", "UMFUTURE_OPTION", "OPTION_UMFUTURE", "MARGIN_OPTION", "OPTION_MARGIN", "FUNDING_OPTION",
        "OPTION_FUNDING", "MAIN_PORTFOLIO_MARGIN", "PORTFOLIO_MARGIN_MAIN", "MAIN_ISOLATED_MARGIN", "ISOLATED_MARGIN_MAIN",
    ];

    /// <summary>Every type, in declaration order.</summary>
    public static IReadOnlyList<UniversalTransferType> All { get; } = Enum.GetValues<UniversalTransferType>();

    /// <summary>The exact name Binance expects, e.g. "MAIN_UMFUTURE".</summary>
    public static string WireName(this UniversalTransferType type) =>
        (uint)type < (uint)WireNames.Length
            ? WireNames[(int)type]
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a universal transfer type.");

    /// <summary>Reads a wire name (exact, case-sensitive); false for anything else.</summary>
    public static bool TryParse(string? wireName, out UniversalTransferType type)
    {
        for (var i = 0; i < WireNames.Length; i++)
        {
            if (string.Equals(WireNames[i], wireName, StringComparison.Ordinal))
            {
                type = (UniversalTransferType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>True when the source is an isolated-margin account, so <c>fromSymbol</c> is required.</summary>
    public static bool NeedsFromSymbol(this UniversalTransferType type) =>
        type is UniversalTransferType.IsolatedMarginMargin or UniversalTransferType.IsolatedMarginIsolatedMargin
            or UniversalTransferType.IsolatedMarginMain;

    /// <summary>True when the target is an isolated-margin account, so <c>toSymbol</c> is required.</summary>
    public static bool NeedsToSymbol(this UniversalTransferType type) =>
        type is UniversalTransferType.MarginIsolatedMargin or UniversalTransferType.IsolatedMarginIsolatedMargin
            or UniversalTransferType.MainIsolatedMargin;
}
