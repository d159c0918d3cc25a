using Ferry.Credentials;
using Ferry.Simulator;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The MCP leak scan: every tool the server lists is called with valid and invalid input, against configured accounts
/// with known fake credentials (a simulator account, a sub-account key, a mainnet and a testnet account), and nothing
/// the client receives — text, structured content — nor anything the server writes to standard error holds a secret
/// or a whole API key (nor any 10 characters of one in a row). A tool with no samples here FAILS the scan.
/// </summary>
public sealed class LeakScanTests : IAsyncLifetime
{
    private const string MainKey = "MCPLEAKmainKEY-7f3a9c1e5b2d4086-QWERTY";
    private const string MainSecret = "MCPLEAKmainSECRET-1b9e7d5c3a-ZXCVBNm";
    private const string AliceKey = "MCPLEAKaliceKEY-3c4d5e6f708192a3-ZAQXS";
    private const string AliceSecret = "MCPLEAKaliceSECRET-7a6b5c4d3e-VGYBH";
    private const string LiveKey = "MCPLEAKliveKEY-0a1b2c3d4e5f6071-ASDFG";
    private const string LiveSecret = "MCPLEAKliveSECRET-9e8d7c6b5a-LKJHGF";
    private const string TestnetKey = "MCPLEAKtestnetKEY-1122334455667788-TG";
    private const string TestnetSecret = "MCPLEAKtestnetSECRET-8877665544-UJMI";
    private const string Master = "master@example.com";
    private const int Window = 10;

    private SimulatorHost? _host;

    /// <summary>Each tool's calls: arguments and whether the call should succeed.</summary>
    private static readonly Dictionary<string, (object Arguments, bool Ok)[]> Samples = new()
    {
        ["list_accounts"] = [(new { }, true)],
        ["balances"] = [(new { }, true), (new { wallet = "usdm" }, true), (new { account = "live" }, false), (new { account = "nope" }, false)],
        ["plan_transfer"] = [(new { amount = "5", asset = "USDT", from = "spot", to = "usdm" }, true), (new { amount = "1", asset = "USDT", from = "spot", to = "alice@example.com/spot", account = "live" }, true),
            (new { amount = "5", asset = "USDT", from = "spot", to = "usdm", account = "testnet" }, false), (new { amount = "-1", asset = "USDT", from = "spot", to = "usdm" }, false)],
        ["execute_plan"] = [(new { planId = "{plan}" }, true), (new { planId = "{plan}" }, false), (new { planId = "{liveplan}" }, false), (new { planId = "{liveplan}", confirmation = "confirm" }, false),
            (new { planId = "{sweepplan}" }, true), (new { planId = "{sweepplan}" }, false), (new { planId = "{rebalanceplan}" }, true)],
        // plan_sweep on the mainnet account 'live' would read its balances from api.binance.com, so it has no sample here.
        ["plan_sweep"] = [(new { asset = "USDT", to = "spot" }, true), (new { asset = "USDT", to = "spot", from = new[] { "alice@example.com" }, keep = "1" }, true),
            (new { asset = "USDT", to = "spot", account = "testnet" }, false), (new { asset = "USDT", to = "spot", account = "alice" }, false), (new { asset = "USDT", to = "spot", min = "abc" }, false)],
        ["plan_rebalance"] = [(new { targets = "assets:\n  USDT:\n    alice@example.com/spot: 10\n    bob@example.com/spot: rest\n" }, true),
            (new { targets = "/etc/passwd" }, false), (new { targets = "assets:\n  USDT:\n    alice@example.com/spot: 10\n", account = "testnet" }, false)],
        ["transfer_history"] = [(new { }, true), (new { kind = "sub" }, true), (new { kind = "moon" }, false), (new { account = "testnet" }, false)],
        ["journal_list"] = [(new { }, true), (new { state = "moon" }, false)],
        ["journal_show"] = [(new { id = "latest" }, true), (new { id = "nope" }, false)],
        ["journal_reconcile"] = [(new { wait = false }, true), (new { id = "nope" }, false)],
        ["journal_resume"] = [(new { id = "{route}" }, true), (new { id = "{route}" }, false), (new { id = "nope" }, false)],
        ["sub_list"] = [(new { }, true), (new { account = "alice" }, false)],
        ["sub_status"] = [(new { email = "alice@example.com" }, true), (new { email = "not-an-email" }, false)],
        ["sub_assets"] = [(new { email = "alice@example.com" }, true), (new { email = "nobody@example.com" }, false)],
        ["sub_summary"] = [(new { wallet = "margin" }, true), (new { wallet = "moon" }, false)],
        ["sub_stats"] = [(new { }, true), (new { account = "live" }, false)],
        ["sub_deposit_address"] = [(new { email = "alice@example.com", coin = "USDT" }, true), (new { email = "nobody@example.com", coin = "USDT" }, false)],
        ["sub_deposits"] = [(new { email = "alice@example.com" }, true), (new { email = "alice@example.com", status = 3 }, false)],
        ["sub_ip_show"] = [(new { email = "alice@example.com", subAccountApiKey = AliceKey }, true), (new { email = "nobody@example.com", subAccountApiKey = AliceKey }, false)],
        ["sub_ip_add"] = [(new { email = "alice@example.com", subAccountApiKey = AliceKey, ips = new[] { "127.0.0.1", "10.0.0.1" } }, true),
            (new { email = "alice@example.com", subAccountApiKey = AliceKey, ips = new[] { "not-an-ip" } }, false),
            (new { email = "alice@example.com", subAccountApiKey = AliceKey, ips = new[] { "127.0.0.1" }, account = "live" }, false)],
        ["sub_ip_remove"] = [(new { email = "alice@example.com", subAccountApiKey = AliceKey, ips = new[] { "10.0.0.1" } }, true),
            (new { email = "nobody@example.com", subAccountApiKey = AliceKey, ips = new[] { "10.0.0.1" } }, false)],
        ["sub_create_virtual"] = [(new { name = "mcpleak" }, true), (new { name = "bad-name!" }, false), (new { name = "mcpleak2", account = "live", confirmation = "yes" }, false)],
        ["sub_enable_futures"] = [(new { email = "bob@example.com" }, true), (new { email = "nobody@example.com" }, false)],
        ["sub_enable_options"] = [(new { email = "alice@example.com" }, true), (new { email = "alice@example.com", account = "live" }, false)],
        ["managed_list"] = [(new { }, true), (new { email = "x" }, false)],
        ["managed_assets"] = [(new { email = "fund@example.com" }, true), (new { email = "nobody@example.com" }, false)],
        ["managed_futures_assets"] = [(new { email = "fund@example.com", coinm = true }, true), (new { email = "not-an-email" }, false)],
        ["managed_margin_assets"] = [(new { email = "fund@example.com" }, true), (new { email = "nobody@example.com" }, false)],
        ["managed_snapshot"] = [(new { email = "fund@example.com" }, true), (new { email = "fund@example.com", limit = 6 }, false)],
        ["managed_deposit_address"] = [(new { email = "fund@example.com", coin = "USDT" }, true), (new { email = "nobody@example.com", coin = "USDT" }, false)],
        ["managed_log"] = [(new { email = "fund@example.com" }, true), (new { role = "moon" }, false)],
    };

    /// <summary>A two-leg route from the master's empty margin wallet that stops at leg 1, then the margin wallet
    /// topped up so that journal_resume can finish it: the id of a route whose resume succeeds once.</summary>
    private static async Task<string> StoppedRouteAsync(FerryMcpProcess ferry)
    {
        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "margin", to = "bob@example.com/usdm", account = "main" })).Ok().Structured;
        Assert.True(plan["legs"]!.AsArray().Count >= 2, plan.ToJsonString());
        var stopped = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Failed("rejected");
        var topUp = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "margin", account = "main" })).Ok().Structured;
        (await ferry.CallAsync("execute_plan", new { planId = topUp["planId"]!.GetValue<string>() })).Ok();
        return stopped.Structured["routeId"]!.GetValue<string>();
    }

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "{{{MainKey}}}", "secret": "{{{MainSecret}}}", "permissions": ["enableReading", "permitsUniversalTransfer", "enableSpotAndMarginTrading", "enableFutures", "enableInternalTransfer"]},
                {"owner": "alice@example.com", "apiKey": "{{{AliceKey}}}", "secret": "{{{AliceSecret}}}", "permissions": ["enableReading"]}],
              "subAccounts": [{"email": "alice@example.com", "futures": true, "margin": true}, {"email": "bob@example.com", "futures": true}],
              "managedSubAccounts": [{"email": "fund@example.com", "tradingTeam": "team@example.com", "futures": true, "margin": true}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "10000"}, {"owner": "alice@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "20"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task No_tool_output_and_no_server_log_line_holds_a_secret_or_a_whole_api_key()
    {
        var sim = _host!.BaseAddress;
        var home = FerryMcpProcess.NewHome($$"""
            {"accounts": [
              {"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "subAccounts": ["alice@example.com", "bob@example.com"], "apiKey": "{{MainKey}}", "secret": "{{MainSecret}}"},
              {"name": "alice", "environment": "sim", "baseAddress": "{{sim}}", "email": "alice@example.com", "masterEmail": "{{Master}}", "apiKey": "{{AliceKey}}", "secret": "{{AliceSecret}}"},
              {"name": "live", "environment": "mainnet", "email": "{{Master}}", "subAccounts": ["alice@example.com"], "apiKey": "{{LiveKey}}", "secret": "{{LiveSecret}}"},
              {"name": "testnet", "environment": "testnet", "apiKey": "{{TestnetKey}}", "secret": "{{TestnetSecret}}"}
            ]}
            """);
        // --verbose: the server's debug lines on standard error (one per HTTP exchange) are scanned too.
        await using var ferry = await FerryMcpProcess.StartAsync(home, ["--verbose"]);
        var listed = (await ferry.Client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.True(listed.Count >= 20, "too few tools listed for the scan to mean anything");
        var missing = listed.Except(Samples.Keys).ToList();
        Assert.True(missing.Count == 0, $"The MCP leak scan has no samples for: {string.Join(", ", missing)}. Add rows to LeakScanTests.Samples (valid and invalid input).");
        Assert.Empty(Samples.Keys.Except(listed));

        var captured = new List<(string Label, string Text)>();
        var placeholders = new Dictionary<string, string>
        {
            ["{plan}"] = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured["planId"]!.GetValue<string>(),
            ["{liveplan}"] = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm", account = "live" })).Ok().Structured["planId"]!.GetValue<string>(),
        };
        placeholders["{route}"] = await StoppedRouteAsync(ferry);
        // Alice holds 20 USDT: the sweep plan moves 5 of it to the master, the rebalance plan 5 to bob; both can run.
        placeholders["{rebalanceplan}"] = (await ferry.CallAsync("plan_rebalance", new { targets = "assets:\n  USDT:\n    alice@example.com/spot: 15\n    bob@example.com/spot: rest\n" })).Ok().Structured["planId"]!.GetValue<string>();
        placeholders["{sweepplan}"] = (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", account = "main", from = new[] { "alice@example.com" }, keep = "15" })).Ok().Structured["planId"]!.GetValue<string>();
        foreach (var (tool, samples) in Samples)
        {
            Assert.Contains(samples, s => s.Ok);
            if (tool != "list_accounts") Assert.Contains(samples, s => !s.Ok); // list_accounts takes no input that could be wrong
            foreach (var (arguments, ok) in samples)
            {
                var json = System.Text.Json.JsonSerializer.Serialize(arguments);
                foreach (var (name, value) in placeholders) json = json.Replace(name, value, StringComparison.Ordinal);
                var call = await ferry.CallAsync(tool, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(json));
                Assert.True(ok != call.IsError, $"{tool} {json} was expected to {(ok ? "succeed" : "fail")}: {call.All}");
                captured.Add(($"{tool} {json}", call.All));
            }
        }

        var all = string.Join("\n", captured.Select(c => c.Text));
        // The scan is worth something only if the masked forms are where whole values would be.
        Assert.Contains(Masking.ApiKey(AliceKey), all);
        captured.Add(("server standard error", ferry.StandardError));
        Assert.Contains("ferry[debug]: http", ferry.StandardError);

        var leaks = new List<string>();
        foreach (var (label, text) in captured)
            foreach (var (what, secret) in Forbidden())
                if (text.Contains(secret, StringComparison.Ordinal)) leaks.Add($"{what} in {label}");
        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join("\n", leaks.Distinct()));
    }

    private static IEnumerable<(string What, string Text)> Forbidden()
    {
        foreach (var key in new[] { MainKey, AliceKey, LiveKey, TestnetKey })
        {
            yield return ("whole API key", key);
            for (var i = 0; i + Window <= key.Length; i++) yield return ($"API key characters {i}..{i + Window}", key.Substring(i, Window));
        }
        foreach (var secret in new[] { MainSecret, AliceSecret, LiveSecret, TestnetSecret })
        {
            yield return ("whole secret", secret);
            for (var i = 0; i + Window <= secret.Length; i++) yield return ($"secret characters {i}..{i + Window}", secret.Substring(i, Window));
        }
    }
}
