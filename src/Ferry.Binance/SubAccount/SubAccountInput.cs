using Ferry.Binance.Http;
using Ferry.Core.Addresses;

namespace Ferry.Binance.SubAccount;

/// <summary>Local checks for the sub-account management requests; each returns one sentence or null.</summary>
internal static class SubAccountInput
{
    /// <summary>A required e-mail, checked by <see cref="EmailRule"/>.</summary>
    public static string? Email(string? email, string name = "email")
    {
        if (string.IsNullOrEmpty(email)) return $"{name} is required (the sub-account's e-mail address).";
        return EmailRule.IsValid(email) ? null : $"{name} '{Printable(email)}' is not an e-mail address.";
    }

    /// <summary>An optional e-mail.</summary>
    public static string? OptionalEmail(string? email, string name = "email") => email is null ? null : Email(email, name);

    /// <summary>A page number (from 1) and a page size within 1..<paramref name="maxSize"/>.</summary>
    public static string? Page(int? page, int? size, int maxSize, string pageName = "page", string sizeName = "limit")
    {
        if (page is < 1) return $"{pageName} must be 1 or more, not {page}.";
        return size is { } s && (s < 1 || s > maxSize) ? $"{sizeName} must be between 1 and {maxSize}, not {s}." : null;
    }

    /// <summary>futuresType must be USDⓈ-M (1) or COIN-M (2).</summary>
    public static string? FuturesType(FuturesType type) =>
        type is Ferry.Binance.SubAccount.FuturesType.UsdtMargined or Ferry.Binance.SubAccount.FuturesType.CoinMargined
            ? null
            : $"futuresType {(int)type} is not 1 (USDⓈ-M) or 2 (COIN-M).";

    /// <summary>An asset code (delegates to the shared rule).</summary>
    public static string? Coin(string? coin, string name = "coin") => InputRules.Asset(coin, name);

    public static string Printable(string text) =>
        text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
