namespace Ferry.Binance.SubAccount;

/// <summary>Wire names of <see cref="SubAccountAccountType"/>.</summary>
public static class SubAccountAccountTypes
{
    /// <summary>"SPOT", "USDT_FUTURE", "COIN_FUTURE", "MARGIN" or "ISOLATED_MARGIN".</summary>
    public static string WireName(this SubAccountAccountType type) => type switch
    {
        SubAccountAccountType.Spot => "SPOT",
        SubAccountAccountType.UsdtFuture => "USDT_FUTURE",
        SubAccountAccountType.CoinFuture => "COIN_FUTURE",
        SubAccountAccountType.Margin => "MARGIN",
        SubAccountAccountType.IsolatedMargin => "ISOLATED_MARGIN",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a sub-account account type."),
    };

    /// <summary>Reads a wire name written by <see cref="WireName"/> (exact, case-sensitive); false for anything else.</summary>
    public static bool TryParse(string? wireName, out SubAccountAccountType type)
    {
        foreach (var candidate in Enum.GetValues<SubAccountAccountType>())
        {
            if (string.Equals(candidate.WireName(), wireName, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>True for the two futures wallets.</summary>
    public static bool IsFutures(this SubAccountAccountType type) =>
        type is SubAccountAccountType.UsdtFuture or SubAccountAccountType.CoinFuture;
}
