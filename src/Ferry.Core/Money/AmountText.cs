using System.Globalization;

namespace Ferry.Core.Money;

/// <summary>
/// Amounts as a person, an agent or a plan file types them, parsed exactly: ASCII digits with at most one point, no sign,
/// exponent or separators. Decimal places are counted on the text (trailing zeros do not count), so text that
/// <see cref="decimal"/> would round — up, even — is refused instead of moving a different amount. Every entry point
/// (CLI, MCP, plan files) parses amounts here.
/// </summary>
public static class AmountText
{
    /// <summary>decimal holds any value of up to 28 significant digits exactly.</summary>
    public const int MaxSignificantDigits = 28;

    /// <summary>Text of number characters longer than this is shown shortened in an error.</summary>
    public const int MaxShownLength = 24;

    /// <summary>
    /// Other text (a word, or a secret pasted in the wrong field) is shown only up to this many characters, fewer than
    /// the leak scans' window of 10, so no error can carry a recognisable piece of a secret.
    /// </summary>
    public const int MaxShownOtherLength = 9;

    /// <summary>
    /// Parses <paramref name="text"/> as a non-negative amount with at most <paramref name="maxDecimalPlaces"/> decimal
    /// places; otherwise <paramref name="refusal"/> is one sentence naming <paramref name="label"/> (e.g. "The amount",
    /// "--keep"), the text (a short prefix when long) and, for too many places, the <paramref name="venue"/>'s maximum.
    /// </summary>
    public static bool TryParse(string? text, int maxDecimalPlaces, string venue, string label, out decimal value, out string refusal)
    {
        value = 0m;
        refusal = "";
        if (!TrySplit(text, out var integer, out var fraction))
        {
            refusal = $"{label} '{Shown(text)}' is not a plain decimal; write it like 100 or 0.5, without a sign, an exponent or separators.";
            return false;
        }
        if (fraction.Length > maxDecimalPlaces)
        {
            refusal = $"{label} {Shown(text)} has more than {maxDecimalPlaces} decimal places, which {venue} does not accept.";
            return false;
        }
        if (integer.Length + fraction.Length > MaxSignificantDigits)
        {
            refusal = $"{label} {Shown(text)} has more digits than an amount can hold exactly ({MaxSignificantDigits}).";
            return false;
        }
        value = Exact(integer, fraction);
        return true;
    }

    /// <summary>True when <paramref name="text"/> is digits with at most one point (the syntax alone).</summary>
    public static bool IsPlainDecimal(string? text) => TrySplit(text, out _, out _);

    /// <summary>
    /// Parses exactly, with no limit on decimal places but refusing what decimal cannot hold exactly; a leading '-' is
    /// allowed. For amounts Ferry itself wrote (the wire, the journal); people's input goes through <see cref="TryParse(string?, int, string, string, out decimal, out string)"/>.
    /// </summary>
    public static bool TryParseExact(string? text, out decimal value)
    {
        value = 0m;
        var negative = text is { Length: > 1 } && text[0] == '-';
        if (!TrySplit(negative ? text![1..] : text, out var integer, out var fraction)
            || integer.Length + fraction.Length > MaxSignificantDigits)
        {
            return false;
        }
        value = negative ? -Exact(integer, fraction) : Exact(integer, fraction);
        return true;
    }

    /// <summary>The text as an error may quote it: whole when short, else its first characters and "...".</summary>
    public static string Shown(string? text)
    {
        if (text is null) return "";
        var numeric = text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '+' or '-' or '_' or ' ' or 'e' or 'E');
        var limit = numeric ? MaxShownLength : MaxShownOtherLength;
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).Take(limit + 1).ToArray());
        return printable.Length <= limit ? printable : printable[..(limit - 3)] + "...";
    }

    /// <summary>Splits trimmed text into its significant integer digits (no leading zeros) and fraction digits (no
    /// trailing zeros); false unless it is ASCII digits with at most one point and at least one digit.</summary>
    private static bool TrySplit(string? text, out string integer, out string fraction)
    {
        integer = fraction = "";
        var trimmed = text?.Trim(' ', '\t');
        if (string.IsNullOrEmpty(trimmed)) return false;
        var point = trimmed.IndexOf('.');
        var whole = point < 0 ? trimmed : trimmed[..point];
        var part = point < 0 ? "" : trimmed[(point + 1)..];
        if (whole.Length + part.Length == 0 || !whole.All(char.IsAsciiDigit) || !part.All(char.IsAsciiDigit)) return false;
        integer = whole.TrimStart('0');
        fraction = part.TrimEnd('0');
        return true;
    }

    // At most 28 significant digits: decimal.Parse of this text is exact, never rounded.
    private static decimal Exact(string integer, string fraction) => decimal.Parse(
        (integer.Length == 0 ? "0" : integer) + (fraction.Length == 0 ? "" : "." + fraction), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
