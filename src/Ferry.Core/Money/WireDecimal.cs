using System.Globalization;

namespace Ferry.Money;

/// <summary>
/// Amounts on the wire: invariant culture, no exponent, no trailing zeros (design principle 2).
/// </summary>
public static class WireDecimal
{
    /// <summary>Formats <paramref name="value"/> as the exchange expects, e.g. 100.500 → "100.5".</summary>
    public static string Format(decimal value)
    {
        // A custom pattern never uses an exponent and drops trailing zeros; normalise -0.
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>How many decimal places <paramref name="value"/> really has (trailing zeros do not count).</summary>
    public static int DecimalPlaces(decimal value)
    {
        var text = Format(value);
        var dot = text.IndexOf('.');
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>
    /// Parses an amount the way a person or a config file writes it: invariant culture, a plain
    /// decimal (no exponent, no thousands separators). Returns false on anything else.
    /// </summary>
    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
}
