namespace Ferry.Cli.Output.Json;

/// <summary>A request's parameters as one JSON object, in the order they are sent (a repeated name keeps its last value).</summary>
internal static class RequestParameters
{
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters) map[name] = value;
        return map;
    }
}
