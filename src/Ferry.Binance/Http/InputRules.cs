using System.Globalization;
using Ferry.Core.Money;

namespace Ferry.Binance.Http;

/// <summary>Local checks shared by the typed APIs; each returns one sentence naming the problem, or null.</summary>
internal static class InputRules
{
    public static string? Amount(decimal amount, int maxDecimalPlaces)
    {
        if (amount <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"amount must be more than zero, not {WireDecimal.Format(amount)}.");
        }

        var places = WireDecimal.DecimalPlaces(amount);
        return places > maxDecimalPlaces
            ? string.Create(CultureInfo.InvariantCulture,
                $"amount {WireDecimal.Format(amount)} has {places} decimal places; at most {maxDecimalPlaces} are accepted.")
            : null;
    }

    /// <summary>An asset code: 1..20 upper-case letters or digits.</summary>
    public static string? Asset(string? asset, string name = "asset") =>
        string.IsNullOrEmpty(asset) ? $"{name} is required (an upper-case asset code such as USDT)."
        : IsCode(asset, 20) ? null
        : $"{name} '{Printable(asset)}' must be 1 to 20 upper-case letters or digits, such as USDT.";

    /// <summary>A trading symbol: 2..30 upper-case letters or digits.</summary>
    public static string? Symbol(string? symbol, string name) =>
        symbol is null ? null
        : IsCode(symbol, 30) && symbol.Length >= 2 ? null
        : $"{name} '{Printable(symbol)}' must be 2 to 30 upper-case letters or digits, such as BTCUSDT.";

    public static string? Page(int? current, int? size)
    {
        if (current is < 1)
        {
            return $"current (the page number) must be 1 or more, not {current}.";
        }

        return size is < 1 or > 100 ? $"size must be between 1 and 100, not {size}." : null;
    }

    public static string? Interval(DateTimeOffset? start, DateTimeOffset? end, TimeSpan? maxLength)
    {
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                return "endTime must not be before startTime.";
            }

            if (maxLength is { } max && e - s > max)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"startTime to endTime spans {(e - s).TotalDays:0.##} days; at most {max.TotalDays:0} days are allowed.");
            }
        }

        return start?.ToUnixTimeMilliseconds() < 0 || end?.ToUnixTimeMilliseconds() < 0
            ? "startTime and endTime must not be before 1970."
            : null;
    }

    private static bool IsCode(string text, int maxLength)
    {
        if (text.Length == 0 || text.Length > maxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string text) =>
        text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
