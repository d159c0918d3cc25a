using System.Globalization;
using System.Text.Json;

namespace Ferry.Simulator.Scenario;

/// <summary>The strict reading rules every scenario section shares: unknown fields, wrong types and dangling
/// references are errors that name the field, amounts are exact decimals with a ceiling.</summary>
internal static class ScenarioReader
{
    /// <summary>
    /// The most one amount, and one asset's total over all wallets, may be (10^15). Every later sum of balances and every
    /// amount × price (prices at most <see cref="MaxPrice"/>) then fits in a decimal, so no move can overflow.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>The most a price may be (10^9).</summary>
    public const decimal MaxPrice = 1_000_000_000m;

    internal static decimal Amount(JsonElement item, string path)
    {
        if (!item.TryGetProperty("amount", out var a)) throw Bad($"{path}.amount", "is required");
        if (!TryDecimal(a, out var value)) throw Bad($"{path}.amount", "must be a non-negative decimal such as \"10000\" or \"0.5\"");
        if (value < 0m) throw Bad($"{path}.amount", "must not be negative");
        if (value > MaxAmount) throw Bad($"{path}.amount", $"is more than {MaxAmount}, the most a scenario may hold");
        return value;
    }

    internal static bool IsCode(string s) => s.Length is > 0 and <= 32 && s.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');

    internal static string Owner(JsonElement item, string path, HashSet<string> emails)
    {
        var owner = Email(item, path, "owner", required: true)!;
        if (!emails.TryGetValue(owner, out var canonical)) throw Bad($"{path}.owner", $"'{owner}' is not the master or a sub-account");
        return canonical;
    }

    internal static string? Email(JsonElement item, string path, string name, bool required)
    {
        var email = Text(item, path, name, required);
        if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            throw Bad($"{path}.{name}", $"'{email}' is not an e-mail address");
        }
        return email;
    }

    internal static string? Text(JsonElement item, string path, string name, bool required)
    {
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Bad($"{path}.{name}", "is required") : null;
        }
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            throw Bad($"{path}.{name}", "must be a non-empty string");
        }
        return v.GetString();
    }

    internal static bool Bool(JsonElement item, string path, string name)
    {
        if (!item.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad($"{path}.{name}", "must be true or false"),
        };
    }

    internal static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) yield break;
        if (array.ValueKind != JsonValueKind.Array) throw Bad($"{path}.{name}", "must be an array");
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object && name != "permissions") throw Bad(itemPath, "must be an object");
            yield return (item, itemPath);
        }
    }

    internal static void AllowOnly(JsonElement obj, string path, params string[] names)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!names.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Bad($"{path}.{p.Name}", $"is not a known field (known: {string.Join(", ", names)})");
            }
        }
    }

    internal static ScenarioException Bad(string field, string problem) => new($"Scenario field '{field}' {problem}.");

    internal static decimal Positive(JsonElement item, string path, string name, decimal most = MaxAmount)
    {
        if (!item.TryGetProperty(name, out var a)) throw Bad($"{path}.{name}", "is required");
        if (!TryDecimal(a, out var value)) throw Bad($"{path}.{name}", "must be a decimal such as \"0.5\"");
        if (value <= 0m) throw Bad($"{path}.{name}", "must be more than zero");
        return value <= most ? value : throw Bad($"{path}.{name}", $"is more than {most}, the most a scenario may hold");
    }

    /// <summary>A decimal written as a JSON number or as a string.</summary>
    private static bool TryDecimal(JsonElement a, out decimal value)
    {
        value = 0m;
        return a.ValueKind == JsonValueKind.Number
            ? a.TryGetDecimal(out value)
            : a.ValueKind == JsonValueKind.String && decimal.TryParse(a.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
