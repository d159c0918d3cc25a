using System.Globalization;
using Ferry.Core.Money;

namespace Ferry.Htx.Http;

/// <summary>Local checks shared by the typed APIs; each returns one sentence naming the problem, or null.</summary>
internal static class HtxInputRules
{
    /// <summary>HTX transfers take at most 8 decimal places "for all coins" (seed 003).</summary>
    public const int MaxAmountDecimalPlaces = 8;

    public static string? Amount(decimal amount)
    {
        if (amount <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"amount must be more than zero, not {WireDecimal.Format(amount)}.");
        }

        var places = WireDecimal.DecimalPlaces(amount);
        return places > MaxAmountDecimalPlaces
            ? string.Create(CultureInfo.InvariantCulture,
                $"amount {WireDecimal.Format(amount)} has {places} decimal places; HTX accepts at most {MaxAmountDecimalPlaces}.")
            : null;
    }

    /// <summary>A currency: 1..20 letters or digits, either case (HTX accepts both).</summary>
    public static string? Currency(string? currency) =>
        string.IsNullOrEmpty(currency) ? "currency is required (e.g. usdt)."
        : currency.Length <= 20 && currency.All(char.IsAsciiLetterOrDigit) ? null
        : $"currency '{Printable(currency)}' must be 1 to 20 letters or digits, such as usdt.";

    /// <summary>A linear-swap contract code such as BTC-USDT (either case).</summary>
    public static bool IsContractCode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 30)
        {
            return false;
        }

        var dash = text.IndexOf('-');
        return dash > 0 && dash == text.LastIndexOf('-') && dash < text.Length - 1
            && text.Where(c => c != '-').All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>The margin account of a spot ⇄ USDT-margined swap transfer: "USDT" (cross) or a contract ending in "-USDT" (isolated).</summary>
    public static string? MarginAccount(string? marginAccount) =>
        string.IsNullOrEmpty(marginAccount) ? "margin-account is required: USDT for the cross margin account, or a contract such as BTC-USDT."
        : string.Equals(marginAccount, "USDT", StringComparison.OrdinalIgnoreCase) ? null
        : IsContractCode(marginAccount) && marginAccount.EndsWith("-USDT", StringComparison.OrdinalIgnoreCase) ? null
        : $"margin-account '{Printable(marginAccount)}' is not a USDT-margined account; use USDT (cross) or a contract such as BTC-USDT (isolated).";

    public static string? Window(DateTimeOffset? start, DateTimeOffset? end, TimeSpan maxLength)
    {
        if (start?.ToUnixTimeMilliseconds() < 0 || end?.ToUnixTimeMilliseconds() < 0)
        {
            return "startTime and endTime must not be before 1970.";
        }

        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                return "endTime must not be before startTime.";
            }

            if (e - s > maxLength)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"startTime to endTime spans {(e - s).TotalDays:0.##} days; HTX allows at most {maxLength.TotalDays:0} days per query.");
            }
        }

        return null;
    }

    private static string Printable(string text) =>
        text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
