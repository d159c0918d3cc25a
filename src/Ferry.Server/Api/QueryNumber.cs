using System.Globalization;

namespace Ferry.Server.Api;

/// <summary>A whole number from the query string, read here so a wrong one is refused in the API's words (not a bare 400).</summary>
internal static class QueryNumber
{
    public static int Read(string? text, string name, int fallback, int min, int max)
    {
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw ApiException.BadInput($"{name} '{text}' is not a whole number; give {min} to {max}");
        return value >= min && value <= max ? value : throw ApiException.BadInput($"{name} {value} is out of range; give {min} to {max}");
    }
}
