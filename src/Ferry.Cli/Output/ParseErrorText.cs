using System.Text.RegularExpressions;

namespace Ferry.Cli.Output;

/// <summary>The command-line parser's messages in the user's words: "'x' is not a whole number for --days", not "System.Int32".</summary>
internal static partial class ParseErrorText
{
    public static string Describe(string message)
    {
        var match = WrongType().Match(message.Trim());
        return match.Success ? $"'{match.Groups["value"].Value}' is not {Kind(match.Groups["type"].Value)} for {match.Groups["name"].Value}" : message;
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" or "System.UInt32" or "System.UInt64" or "System.UInt16" => "a whole number",
        "System.Decimal" or "System.Double" or "System.Single" => "a number",
        "System.Boolean" => "true or false",
        "System.DateTime" or "System.DateOnly" or "System.DateTimeOffset" => "a date",
        "System.TimeSpan" => "a duration",
        _ => "a valid value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex WrongType();
}
