using System.Text.Json;
using Ferry.Core.Money;

namespace Ferry.Cli.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's own input schema before the SDK binds them to parameters, so a
/// number where a string belongs, a missing or unknown field, or a string where a list belongs is answered in one
/// sentence naming the field (the SDK's binding failure says only "An error occurred invoking ..."). The sentence never
/// quotes a value; strings are bounded so no later message can quote a long one either.
/// </summary>
internal static class ToolArguments
{
    /// <summary>Longer than any email, address, account name or API key a tool takes.</summary>
    public const int MaxStringLength = 256;

    /// <summary>More than the sub-accounts a master can have.</summary>
    public const int MaxListLength = 10_000;

    /// <summary>Arguments that are documents rather than values, with their own (larger) bound checked by the tool.</summary>
    private static readonly Dictionary<string, int> LongerStrings = new(StringComparer.Ordinal)
    {
        ["targets"] = SweepTools.MaxTargetsLength + 1,
    };

    /// <summary>Null when <paramref name="arguments"/> fit <paramref name="schema"/>; otherwise one sentence naming the field.</summary>
    public static string? Problem(string tool, JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        arguments ??= new Dictionary<string, JsonElement>();
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var known = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(o => o.Name).ToList() : [];

        var unknown = arguments.Keys.FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));
        if (unknown is not null)
            return $"{tool} has no argument '{AmountText.Shown(unknown)}'; it takes {List(known, "or")}.";

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
        var missing = required.Where(name => !arguments.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            return $"{tool} needs {List(missing, "and")}.";

        foreach (var name in known)
        {
            if (!arguments.TryGetValue(name, out var value)) continue;
            var problem = Check(name, properties.GetProperty(name), value);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? Check(string name, JsonElement property, JsonElement value)
    {
        var types = Types(property);
        var kind = Kind(value);
        if (!types.Contains(kind) && !(kind == "number" && types.Contains("integer")))
            return $"'{name}' must be {Expected(types)}, not {Article(kind)}.";
        switch (kind)
        {
            case "number" when !value.TryGetInt32(out _):
                return $"'{name}' must be a whole number from {int.MinValue} to {int.MaxValue}.";
            case "string" when value.GetString()!.Length > LongerStrings.GetValueOrDefault(name, MaxStringLength):
                return $"'{name}' is {value.GetString()!.Length} characters long; at most {LongerStrings.GetValueOrDefault(name, MaxStringLength)} are accepted.";
            case "array":
                if (value.GetArrayLength() > MaxListLength) return $"'{name}' lists more than {MaxListLength} items.";
                var itemTypes = property.TryGetProperty("items", out var items) ? Types(items) : ["string"];
                itemTypes.Remove("null"); // a null in a list of e-mails or IPs is never meant
                foreach (var item in value.EnumerateArray())
                {
                    if (!itemTypes.Contains(Kind(item))) return $"'{name}' must list only {Expected(itemTypes)} values, not {Article(Kind(item))}.";
                    if (item.ValueKind == JsonValueKind.String && item.GetString()!.Length > MaxStringLength)
                        return $"'{name}' holds an item of {item.GetString()!.Length} characters; at most {MaxStringLength} are accepted.";
                }
                break;
        }
        return null;
    }

    /// <summary>The JSON types a schema allows: "type" as one name or a list.</summary>
    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? ["string", "integer", "boolean", "array", "null"]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
        : [type.GetString() ?? ""];

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static string Expected(List<string> types)
    {
        var names = types.Where(t => t != "null").Select(t => t switch
        {
            "string" => "a string (in quotes)",
            "integer" => "a whole number",
            "boolean" => "true or false",
            "array" => "an array",
            var other => Article(other),
        }).ToList();
        return names.Count == 0 ? "null" : string.Join(" or ", names) + (types.Contains("null") ? " (or omitted)" : "");
    }

    private static string Article(string kind) => kind switch
    {
        "array" or "object" => "an " + kind,
        "null" => "null",
        _ => "a " + kind,
    };

    private static string List(IReadOnlyList<string> names, string conjunction) =>
        names.Count == 0 ? "no arguments"
        : names.Count == 1 ? $"'{names[0]}'"
        : string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $" {conjunction} '{names[^1]}'";
}
