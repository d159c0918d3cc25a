using System.Globalization;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>Typed reads of request parameters; each failure is the -1102 error naming the parameter.</summary>
internal static class RequestParams
{
    /// <summary>The value, or null when absent or empty.</summary>
    public static string? Text(this SimRequest r, string name) =>
        r.Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>An optional non-negative long; an error when present but not a number.</summary>
    public static BinanceError? Long(this SimRequest r, string name, out long? value)
    {
        value = null;
        var text = r.Text(name);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return Malformed(name);
        value = v;
        return null;
    }

    /// <summary>An optional upper-cased code (asset or symbol: letters and digits); an error when malformed.</summary>
    public static BinanceError? Code(this SimRequest r, string name, out string? value)
    {
        value = r.Text(name)?.ToUpperInvariant();
        return value is null || ScenarioReader.IsCode(value) ? null : Malformed(name);
    }

    /// <summary>A required positive decimal with at most eight decimals, no sign or exponent.</summary>
    public static BinanceError? Amount(this SimRequest r, string name, out decimal value)
    {
        value = 0m;
        var text = r.Text(name);
        if (text is null ||
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) ||
            value <= 0m || DecimalText.Scale(value) > 8)
        {
            return Malformed(name);
        }
        return null;
    }

    /// <summary>Page number (default 1, below 1 read as 1) and page size (default 10, capped at 100).</summary>
    public static BinanceError? Paging(this SimRequest r, out int current, out int size)
    {
        current = 1;
        size = 10;
        if (r.Long("current", out var c) is { } e1) return e1;
        if (r.Long("size", out var s) is { } e2) return e2;
        if (c is > 1) current = (int)Math.Min(c.Value, int.MaxValue);
        if (s is not null) size = (int)Math.Clamp(s.Value, 1, 100);
        return null;
    }

    public static BinanceError Malformed(string name) => BinanceErrors.MandatoryParam.Format(name);

    /// <summary>How many rows come before page <paramref name="current"/> (from 1) of <paramref name="size"/> rows.</summary>
    public static int Skip(int current, int size) => (int)Math.Min((long)(current - 1) * size, int.MaxValue);
}
