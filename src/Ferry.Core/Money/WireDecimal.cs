using System.Globalization;

namespace Ferry.Core.Money;

/// <summary>
/// Amounts on the wire: invariant culture, no exponent, no trailing zeros (design principle 2).
/// </summary>
public static class WireDecimal
{
    /// <summary>The longest text <see cref="TryFormat"/> can write: sign, 29 digits and a point.</summary>
    public const int MaxLength = 31;

    /// <summary>Formats <paramref name="value"/> as the exchange expects, e.g. 100.500 → "100.5".</summary>
    public static string Format(decimal value)
    {
        Span<char> text = stackalloc char[MaxLength];
        TryFormat(value, text, out var written);
        return new string(text[..written]);
    }

    /// <summary>Writes the wire form of <paramref name="value"/> without allocating; false only if the span is too short.</summary>
    public static bool TryFormat(decimal value, Span<char> destination, out int written)
    {
        // decimal's general format never uses an exponent; normalising removes trailing zeros and -0.
        var normalized = Normalize(value);
        if (normalized != 0m) return normalized.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        written = destination.IsEmpty ? 0 : 1;
        if (written == 1) destination[0] = '0';
        return written == 1;
    }

    /// <summary>How many decimal places <paramref name="value"/> really has (trailing zeros do not count).</summary>
    public static int DecimalPlaces(decimal value) => Normalize(value).Scale;

    /// <summary>
    /// Parses an amount as Ferry writes it: a plain decimal (an optional '-', no exponent, no separators), exactly;
    /// false for anything else, including text decimal could only hold rounded. People's input goes through
    /// <see cref="AmountText.TryParse(string?, int, string, string, out decimal, out string)"/>, which also checks places.
    /// </summary>
    public static bool TryParse(string? text, out decimal value) => AmountText.TryParseExact(text, out value);

    // Dividing by one at the largest scale makes decimal drop every trailing zero of the result.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
