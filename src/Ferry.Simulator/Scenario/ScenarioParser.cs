using Ferry.Simulator.Binance;
using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Scenario;

/// <summary>Reads scenario JSON strictly: unknown fields, wrong types and dangling references are errors that name the field.</summary>
internal static partial class ScenarioParser
{
    /// <summary>
    /// The most one amount, and one asset's total over all wallets, may be (10^15). Every later sum of balances and every
    /// amount × price (prices at most <see cref="MaxPrice"/>) then fits in a decimal, so no move can overflow.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>The most a price may be (10^9).</summary>
    public const decimal MaxPrice = 1_000_000_000m;

    public static ScenarioDocument Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"The scenario is not valid JSON ({e.Message}).", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad("(root)", "must be a JSON object");
            AllowOnly(root, "(root)", "binance", "htx", "description", "faults");
            var (faults, faultSeed) = root.TryGetProperty("faults", out var f) ? ScenarioFaults.Parse(f) : (null, 0);
            return new ScenarioDocument(root.TryGetProperty("binance", out var b) ? ParseBinance(b) : null,
                root.TryGetProperty("htx", out var h) ? ParseHtx(h) : null) { Faults = faults, FaultSeed = faultSeed };
        }
    }

    private static BinanceScenario ParseBinance(JsonElement b)
    {
        const string at = "binance";
        if (b.ValueKind != JsonValueKind.Object) throw Bad(at, "must be an object");
        AllowOnly(b, at, "master", "subAccounts", "apiKeys", "balances", "prices", "positions", "deposits", "managedSubAccounts");
        var master = Email(b, at, "master", required: true)!;
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { master };

        var subs = new List<ScenarioSubAccount>();
        foreach (var (item, path) in Items(b, at, "subAccounts"))
        {
            AllowOnly(item, path, "email", "futures", "margin", "options", "frozen", "remark");
            var email = Email(item, path, "email", required: true)!;
            if (!emails.Add(email)) throw Bad($"{path}.email", $"repeats the user '{email}'");
            subs.Add(new ScenarioSubAccount(email, Bool(item, path, "futures"), Bool(item, path, "margin"), Bool(item, path, "options"))
            {
                Frozen = Bool(item, path, "frozen"), Remark = Text(item, path, "remark", required: false) ?? "",
            });
        }

        var (managed, teams) = ParseManagedSubAccounts(b, at, emails);

        var keys = new List<ScenarioApiKey>();
        var keyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(b, at, "apiKeys"))
        {
            keys.Add(ParseKey(item, path, emails, keyNames));
        }

        var balances = new List<ScenarioBalance>();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(b, at, "balances"))
        {
            var balance = ParseBalance(item, path, emails);
            // Each amount is at most MaxAmount, so this sum cannot overflow before it is checked.
            var total = totals[balance.Asset] = totals.GetValueOrDefault(balance.Asset) + balance.Amount;
            if (total > MaxAmount) throw Bad($"{path}.amount", $"brings the total of {balance.Asset} over all wallets above {MaxAmount}, the most a scenario may hold");
            balances.Add(balance);
        }
        return WithManagedSubAccounts(WithSubAccountSections(b, at, new BinanceScenario(master, subs, keys, balances), emails), managed, teams);
    }

    private static ScenarioApiKey ParseKey(JsonElement item, string path, HashSet<string> emails, HashSet<string> keyNames)
    {
        AllowOnly(item, path, "owner", "apiKey", "secret", "ed25519PublicKey", "rsaPublicKey", "permissions");
        var owner = Owner(item, path, emails);
        var apiKey = Text(item, path, "apiKey", required: true)!;
        if (apiKey.Any(c => c <= ' ' || c > '~')) throw Bad($"{path}.apiKey", "must be printable ASCII without spaces");
        if (!keyNames.Add(apiKey)) throw Bad($"{path}.apiKey", "repeats an earlier key");
        var secret = Text(item, path, "secret", required: false);
        var ed = Text(item, path, "ed25519PublicKey", required: false);
        var rsa = Text(item, path, "rsaPublicKey", required: false);
        if ((secret is null ? 0 : 1) + (ed is null ? 0 : 1) + (rsa is null ? 0 : 1) != 1)
        {
            throw Bad(path, "must have exactly one of 'secret', 'ed25519PublicKey' or 'rsaPublicKey'");
        }
        var permissions = new List<string>();
        foreach (var (p, ppath) in Items(item, path, "permissions"))
        {
            var name = p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (!PermissionNames.TryParse(name, out _))
            {
                throw Bad(ppath, $"is not a permission (use {string.Join(", ", PermissionNames.All)})");
            }
            permissions.Add(name!);
        }
        var key = new ScenarioApiKey(owner, apiKey, secret, ed, rsa, permissions);
        try
        {
            _ = SignatureVerifiers.Create(key);
        }
        catch (ArgumentException e)
        {
            throw Bad(path + (ed is not null ? ".ed25519PublicKey" : ".rsaPublicKey"), $"cannot be used: {e.Message}");
        }
        return key;
    }

    private static ScenarioBalance ParseBalance(JsonElement item, string path, HashSet<string> emails)
    {
        AllowOnly(item, path, "owner", "wallet", "symbol", "asset", "amount");
        var owner = Owner(item, path, emails);
        var walletName = Text(item, path, "wallet", required: true);
        if (!WalletNames.TryParse(walletName, out var wallet) || WalletNames.IsHtx(wallet))
        {
            throw Bad($"{path}.wallet", $"'{walletName}' is not a Binance wallet (use {string.Join(", ", WalletNames.All.Where(n => !n.StartsWith("HTX_", StringComparison.Ordinal)))})");
        }
        var symbol = Text(item, path, "symbol", required: false);
        if (wallet == WalletKind.IsolatedMargin && symbol is null) throw Bad($"{path}.symbol", "is required for ISOLATED_MARGIN");
        if (wallet != WalletKind.IsolatedMargin && symbol is not null) throw Bad($"{path}.symbol", "is only allowed for ISOLATED_MARGIN");
        if (symbol is not null && !IsCode(symbol)) throw Bad($"{path}.symbol", "must be upper-case letters and digits");
        var asset = Text(item, path, "asset", required: true)!;
        if (!IsCode(asset)) throw Bad($"{path}.asset", "must be upper-case letters and digits");
        return new ScenarioBalance(owner, walletName!, symbol, asset, Amount(item, path));
    }

    private static decimal Amount(JsonElement item, string path)
    {
        if (!item.TryGetProperty("amount", out var a)) throw Bad($"{path}.amount", "is required");
        decimal value;
        if (a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out value)) { }
        else if (a.ValueKind == JsonValueKind.String &&
                 decimal.TryParse(a.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) { }
        else throw Bad($"{path}.amount", "must be a non-negative decimal such as \"10000\" or \"0.5\"");
        if (value < 0m) throw Bad($"{path}.amount", "must not be negative");
        if (value > MaxAmount) throw Bad($"{path}.amount", $"is more than {MaxAmount}, the most a scenario may hold");
        return value;
    }

    internal static bool IsCode(string s) => s.Length is > 0 and <= 32 && s.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');

    private static string Owner(JsonElement item, string path, HashSet<string> emails)
    {
        var owner = Email(item, path, "owner", required: true)!;
        if (!emails.TryGetValue(owner, out var canonical)) throw Bad($"{path}.owner", $"'{owner}' is not the master or a sub-account");
        return canonical;
    }

    private static string? Email(JsonElement item, string path, string name, bool required)
    {
        var email = Text(item, path, name, required);
        if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            throw Bad($"{path}.{name}", $"'{email}' is not an e-mail address");
        }
        return email;
    }

    private static string? Text(JsonElement item, string path, string name, bool required)
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

    private static bool Bool(JsonElement item, string path, string name)
    {
        if (!item.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad($"{path}.{name}", "must be true or false"),
        };
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string path, string name)
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

    private static void AllowOnly(JsonElement obj, string path, params string[] names)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!names.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Bad($"{path}.{p.Name}", $"is not a known field (known: {string.Join(", ", names)})");
            }
        }
    }

    private static ScenarioException Bad(string field, string problem) => new($"Scenario field '{field}' {problem}.");
}
