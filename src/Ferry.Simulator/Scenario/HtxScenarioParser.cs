using System.Text.Json;
using static Ferry.Simulator.Scenario.ScenarioReader;

namespace Ferry.Simulator.Scenario;

/// <summary>The strict reader of a scenario's <c>htx</c> section (same rules and messages as the Binance section).</summary>
internal static class HtxScenarioParser
{
    /// <summary>Parses the <c>htx</c> section as a stand-alone JSON object (used again when a state file is loaded).</summary>
    internal static HtxScenario ParseHtxSection(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return ParseHtx(doc.RootElement);
    }

    internal static HtxScenario ParseHtx(JsonElement h)
    {
        const string at = "htx";
        if (h.ValueKind != JsonValueKind.Object) throw Bad(at, "must be an object");
        AllowOnly(h, at, "users", "apiKeys", "contracts", "balances", "minimums");

        var users = new List<HtxScenarioUser>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, path) in Items(h, at, "users"))
        {
            AllowOnly(item, path, "email", "uid", "spotAccountId");
            var email = Email(item, path, "email", required: true)!;
            if (!emails.Add(email)) throw Bad($"{path}.email", $"repeats the user '{email}'");
            var uid = Id(item, path, "uid") ?? HtxScenario.FirstUid + users.Count;
            var account = Id(item, path, "spotAccountId") ?? HtxScenario.FirstSpotAccountId + (2 * users.Count);
            if (users.Any(u => u.Uid == uid)) throw Bad($"{path}.uid", $"repeats the UID {uid}");
            if (users.Any(u => u.SpotAccountId == account || u.SwapAccountId == account || u.SpotAccountId == account + 1))
                throw Bad($"{path}.spotAccountId", $"{account} collides with another user's account ids (each user takes this id and the next)");
            users.Add(new HtxScenarioUser(email, uid, account));
        }

        var keys = new List<HtxScenarioApiKey>();
        var keyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(h, at, "apiKeys"))
        {
            AllowOnly(item, path, "owner", "accessKey", "secretKey", "permissions");
            var owner = HtxOwner(item, path, emails);
            var accessKey = Text(item, path, "accessKey", required: true)!;
            if (accessKey.Any(c => c <= ' ' || c > '~')) throw Bad($"{path}.accessKey", "must be printable ASCII without spaces");
            if (!keyNames.Add(accessKey)) throw Bad($"{path}.accessKey", "repeats an earlier key");
            var secret = Text(item, path, "secretKey", required: true)!;
            var permissions = new List<string>();
            foreach (var (p, ppath) in Items(item, path, "permissions"))
            {
                var name = p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (name is not ("read" or "trade" or "withdraw")) throw Bad(ppath, "is not an HTX permission (use read, trade, withdraw)");
                permissions.Add(name);
            }
            keys.Add(new HtxScenarioApiKey(owner, accessKey, secret, permissions));
        }

        var contracts = new List<string>();
        if (h.TryGetProperty("contracts", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw Bad($"{at}.contracts", "must be an array");
            var i = 0;
            foreach (var c in list.EnumerateArray())
            {
                var code = c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (code is null || !IsUsdtContract(code)) throw Bad($"{at}.contracts[{i}]", "must be an upper-case USDT-margined contract such as BTC-USDT");
                if (contracts.Contains(code)) throw Bad($"{at}.contracts[{i}]", $"repeats '{code}'");
                contracts.Add(code);
                i++;
            }
        }
        else
        {
            contracts.AddRange(HtxScenario.DefaultContracts);
        }

        var balances = new List<HtxScenarioBalance>();
        foreach (var (item, path) in Items(h, at, "balances"))
        {
            balances.Add(ParseHtxBalance(item, path, emails, contracts));
        }

        var minimums = new List<HtxScenarioMinimum>();
        foreach (var (item, path) in Items(h, at, "minimums"))
        {
            AllowOnly(item, path, "currency", "amount");
            var currency = Text(item, path, "currency", required: true)!;
            if (!IsCode(currency)) throw Bad($"{path}.currency", "must be upper-case letters and digits");
            if (minimums.Any(m => m.Currency == currency)) throw Bad($"{path}.currency", $"repeats '{currency}'");
            minimums.Add(new HtxScenarioMinimum(currency, Amount(item, path)));
        }

        return new HtxScenario(users, keys, contracts, balances, minimums, h.GetRawText());
    }

    private static HtxScenarioBalance ParseHtxBalance(JsonElement item, string path, HashSet<string> emails, List<string> contracts)
    {
        AllowOnly(item, path, "owner", "account", "type", "marginAccount", "currency", "amount");
        var owner = HtxOwner(item, path, emails);
        var account = Text(item, path, "account", required: true);
        var currency = Text(item, path, "currency", required: true)!;
        if (!IsCode(currency)) throw Bad($"{path}.currency", "must be upper-case letters and digits");
        var type = Text(item, path, "type", required: false);
        var margin = Text(item, path, "marginAccount", required: false);
        string wallet;
        string? contract = null;
        switch (account)
        {
            case "spot":
                if (margin is not null) throw Bad($"{path}.marginAccount", "is only allowed for the linear-swap account");
                wallet = type switch
                {
                    null or "trade" => "HTX_SPOT",
                    "frozen" => "HTX_SPOT_FROZEN",
                    _ => throw Bad($"{path}.type", "must be 'trade' or 'frozen'"),
                };
                break;
            case "linear-swap":
                if (type is not null) throw Bad($"{path}.type", "is only allowed for the spot account");
                if (margin is null) throw Bad($"{path}.marginAccount", "is required for linear-swap (USDT for cross, or a contract such as BTC-USDT)");
                if (currency != "USDT") throw Bad($"{path}.currency", "must be USDT, the margin asset of USDT-margined swaps");
                if (margin == "USDT")
                {
                    wallet = "HTX_SWAP_CROSS";
                }
                else if (contracts.Contains(margin))
                {
                    wallet = "HTX_SWAP_ISOLATED";
                    contract = margin;
                }
                else
                {
                    throw Bad($"{path}.marginAccount", $"'{margin}' is neither USDT nor one of the contracts ({string.Join(", ", contracts)})");
                }
                break;
            default:
                throw Bad($"{path}.account", "must be 'spot' or 'linear-swap'");
        }

        return new HtxScenarioBalance(owner, wallet, contract, currency, Amount(item, path));
    }

    private static string HtxOwner(JsonElement item, string path, HashSet<string> emails)
    {
        var owner = Email(item, path, "owner", required: true)!;
        return emails.TryGetValue(owner, out var canonical) ? canonical : throw Bad($"{path}.owner", $"'{owner}' is not one of htx.users");
    }

    private static long? Id(JsonElement item, string path, string name)
    {
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) && id > 0
            ? id
            : throw Bad($"{path}.{name}", "must be a positive whole number");
    }

    internal static bool IsUsdtContract(string code)
    {
        var dash = code.IndexOf('-');
        return dash > 0 && code.EndsWith("-USDT", StringComparison.Ordinal) && dash == code.Length - 5 && IsCode(code[..dash]);
    }
}
