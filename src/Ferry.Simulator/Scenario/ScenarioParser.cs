using System.Text.Json;
using Ferry.Simulator.Signing;
using Ferry.Simulator.Ledger;
using static Ferry.Simulator.Scenario.ScenarioReader;

namespace Ferry.Simulator.Scenario;

/// <summary>Reads scenario JSON strictly: the root, the Binance section (its sub-account and managed sub-account
/// sections through their own readers) and the HTX section through <see cref="HtxScenarioParser"/>.</summary>
internal static class ScenarioParser
{
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
                root.TryGetProperty("htx", out var h) ? HtxScenarioParser.ParseHtx(h) : null) { Faults = faults, FaultSeed = faultSeed };
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

        var (managed, teams) = ManagedSubAccountSectionParser.ParseManagedSubAccounts(b, at, emails);

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
        return ManagedSubAccountSectionParser.WithManagedSubAccounts(SubAccountSectionParser.WithSubAccountSections(b, at, new BinanceScenario(master, subs, keys, balances), emails), managed, teams);
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
            _ = SignatureVerifiers.Create(secret, ed, rsa);
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
}
