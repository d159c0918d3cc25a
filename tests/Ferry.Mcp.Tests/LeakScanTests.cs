using System.Security.Cryptography;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Ferry.Simulator.Scenario;

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
    // Key files in every signing mode: an HMAC secret on line two, an RSA PEM named on line two, an Ed25519 PEM file.
    private const string FileKey = "MCPLEAKfileKEY-4d5e6f708192a3b4-YUIOP";
    private const string FileSecret = "MCPLEAKfileSECRET-2c3d4e5f60-HJKLQW";
    private const string RsaKey = "MCPLEAKrsaKEY-5e6f708192a3b4c5-BNMQWE";
    private const string EdKey = "MCPLEAKedKEY-6f708192a3b4c5d6-RTYUIO";
    // Credentials in the wrong place (each in its own FERRY_HOME, since a broken account stops every load).
    private const string MisKey = "MCPLEAKmisKEY-708192a3b4c5d6e7-PASDF";
    private const string MisSecret = "MCPLEAKmisSECRET-3d4e5f6071-GHJKLZ";
    private const string InlineEdKey = "MCPLEAKinlineEdKEY-8192a3b4c5d6e7f8-X";
    private const string InlineEdSecret = "MCPLEAKinlineEdSECRET-4e5f607182-CV";
    private const string WideKey = "MCPLEAKwideKEY-92a3b4c5d6e7f809-BNMAS";
    private const string WideSecret = "MCPLEAKwideSECRET-5f60718293-DFGHJK";
    private const string Master = "master@example.com";
    private const int Window = 10;

    private readonly string _keys = Directory.CreateTempSubdirectory("ferry-mcp-keys-").FullName;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly (string PrivatePem, string PublicPem) _ed = Ed25519();
    private SimulatorHost? _host;

    /// <summary>Each tool's calls: arguments and whether the call should succeed.</summary>
    private static readonly Dictionary<string, (object Arguments, bool Ok)[]> Samples = new()
    {
        ["list_accounts"] = [(new { }, true)],
        ["balances"] = [(new { }, true), (new { wallet = "usdm" }, true), (new { account = "live" }, false), (new { account = "nope" }, false),
            (new { account = "hmacfile" }, true), (new { account = "rsafile" }, true), (new { account = "edfile", wallet = "spot" }, true),
            (new { account = MainSecret }, false), (new { subAccount = LiveSecret }, false), (new { account = 12345 }, false)],
        ["plan_transfer"] = [(new { amount = "5", asset = "USDT", from = "spot", to = "usdm" }, true), (new { amount = "1", asset = "USDT", from = "spot", to = "alice@example.com/spot", account = "live" }, true),
            (new { amount = "5", asset = "USDT", from = "spot", to = "usdm", account = "testnet" }, false), (new { amount = "-1", asset = "USDT", from = "spot", to = "usdm" }, false),
            (new { amount = "1", asset = "USDT", from = "spot", to = "funding", account = "rsafile" }, true), (new { amount = "1", asset = "USDT", from = "spot", to = "funding", account = "edfile" }, true),
            (new { amount = MainSecret, asset = "USDT", from = "spot", to = "usdm" }, false), (new { amount = "1", asset = FileSecret, from = "spot", to = "usdm" }, false),
            (new { amount = "1", asset = "USDT", from = LiveSecret, to = "usdm" }, false), (new { amount = 1, asset = "USDT", from = "spot", to = "usdm" }, false),
            (new { amount = "0.99999999999999999999999999999999", asset = "USDT", from = "spot", to = "usdm" }, false), (new { }, false)],
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
        ["list_approvals"] = [(new { }, true), (new { all = true }, true), (new { all = "maybe" }, false)],
        ["journal_reconcile"] = [(new { wait = false }, true), (new { id = "nope" }, false)],
        ["journal_resume"] = [(new { id = "{route}" }, true), (new { id = "{route}" }, false), (new { id = "nope" }, false)],
        ["sub_list"] = [(new { }, true), (new { account = "alice" }, false)],
        ["sub_status"] = [(new { email = "alice@example.com" }, true), (new { email = "not-an-email" }, false), (new { email = AliceSecret }, false)],
        ["sub_assets"] = [(new { email = "alice@example.com" }, true), (new { email = "nobody@example.com" }, false)],
        ["sub_summary"] = [(new { wallet = "margin" }, true), (new { wallet = "moon" }, false)],
        ["sub_stats"] = [(new { }, true), (new { account = "live" }, false)],
        ["sub_deposit_address"] = [(new { email = "alice@example.com", coin = "USDT" }, true), (new { email = "nobody@example.com", coin = "USDT" }, false)],
        ["sub_deposits"] = [(new { email = "alice@example.com" }, true), (new { email = "alice@example.com", status = 3 }, false)],
        ["sub_ip_show"] = [(new { email = "alice@example.com", subAccountApiKey = AliceKey }, true), (new { email = "nobody@example.com", subAccountApiKey = AliceKey }, false),
            (new { email = "alice@example.com", subAccountApiKey = AliceSecret }, false)],
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

    /// <summary>A two-leg route from the master's margin wallet to carol's USDⓈ-M wallet that stops at leg 2 (carol has not
    /// enabled futures; leg 1 is covered, so the exchange itself refuses leg 2), then carol's futures enabled so that
    /// journal_resume can finish it: the id of a route whose resume succeeds once.</summary>
    private static async Task<string> StoppedRouteAsync(FerryMcpProcess ferry)
    {
        var topUp = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "margin", account = "main" })).Ok().Structured;
        (await ferry.CallAsync("execute_plan", new { planId = topUp["planId"]!.GetValue<string>() })).Ok();
        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "margin", to = "carol@example.com/usdm", account = "main" })).Ok().Structured;
        Assert.True(plan["legs"]!.AsArray().Count >= 2, plan.ToJsonString());
        var stopped = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Failed("rejected");
        (await ferry.CallAsync("sub_enable_futures", new { email = "carol@example.com" })).Ok();
        return stopped.Structured["routeId"]!.GetValue<string>();
    }

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "{{{MainKey}}}", "secret": "{{{MainSecret}}}", "permissions": ["enableReading", "permitsUniversalTransfer", "enableSpotAndMarginTrading", "enableFutures", "enableInternalTransfer"]},
                {"owner": "alice@example.com", "apiKey": "{{{AliceKey}}}", "secret": "{{{AliceSecret}}}", "permissions": ["enableReading"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{FileKey}}}", "secret": "{{{FileSecret}}}", "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{RsaKey}}}", "rsaPublicKey": {{{Json(_rsa.ExportSubjectPublicKeyInfoPem())}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{EdKey}}}", "ed25519PublicKey": {{{Json(_ed.PublicPem)}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "subAccounts": [{"email": "alice@example.com", "futures": true, "margin": true}, {"email": "bob@example.com", "futures": true}, {"email": "carol@example.com"}],
              "managedSubAccounts": [{"email": "fund@example.com", "tradingTeam": "team@example.com", "futures": true, "margin": true}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "10000"}, {"owner": "alice@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "20"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _rsa.Dispose();
        Directory.Delete(_keys, recursive: true);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static (string PrivatePem, string PublicPem) Ed25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        static string Pem(string label, byte[] der) =>
            $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n")}\n-----END {label}-----\n";
        return (Pem("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded()),
            Pem("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded()));
    }

    /// <summary>Writes a file readable by its owner only, in the test's key folder.</summary>
    private string OwnerOnly(string name, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(_keys, name);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        return path;
    }

    [Fact]
    public async Task No_tool_output_and_no_server_log_line_holds_a_secret_or_a_whole_api_key()
    {
        var sim = _host!.BaseAddress;
        var home = FerryMcpProcess.NewHome($$"""
            {"accounts": [
              {"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "subAccounts": ["alice@example.com", "bob@example.com", "carol@example.com"], "apiKey": "{{MainKey}}", "secret": "{{MainSecret}}"},
              {"name": "alice", "environment": "sim", "baseAddress": "{{sim}}", "email": "alice@example.com", "masterEmail": "{{Master}}", "apiKey": "{{AliceKey}}", "secret": "{{AliceSecret}}"},
              {"name": "live", "environment": "mainnet", "email": "{{Master}}", "subAccounts": ["alice@example.com"], "apiKey": "{{LiveKey}}", "secret": "{{LiveSecret}}"},
              {"name": "testnet", "environment": "testnet", "apiKey": "{{TestnetKey}}", "secret": "{{TestnetSecret}}"},
              {"name": "hmacfile", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "keyFile": "{{OwnerOnly("hmac.key", $"{FileKey}\n{FileSecret}\n")}}"},
              {"name": "rsafile", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "signing": "rsa", "keyFile": "{{OwnerOnly("rsa.key", $"{RsaKey}\n{OwnerOnly("rsa.pem", _rsa.ExportPkcs8PrivateKeyPem())}\n")}}"},
              {"name": "edfile", "environment": "sim", "baseAddress": "{{sim}}", "email": "{{Master}}", "signing": "ed25519", "apiKey": "{{EdKey}}", "privateKeyFile": "{{OwnerOnly("ed.pem", _ed.PrivatePem)}}"}
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

        AssertNothingLeaked(captured);
    }

    /// <summary>
    /// Credentials in the wrong place, each in a FERRY_HOME of its own (a broken account stops every load): an HMAC secret
    /// on line two of a key file used with rsa and with ed25519, an HMAC secret inline on an ed25519 account, inline
    /// secrets in an accounts.json others can read, a missing and a wide key file. Every tool that loads accounts refuses
    /// in one sentence; nothing the agent receives or the server logs holds a secret or a key file's location.
    /// </summary>
    [Fact]
    public async Task Broken_credentials_reach_the_agent_only_as_one_sentence_without_secret_or_key_file_location()
    {
        var sim = _host!.BaseAddress;
        var misKeyFile = OwnerOnly("mis.key", $"{MisKey}\n{MisSecret}\n");
        var wideKeyFile = OwnerOnly("wide.key", $"{WideKey}\n{WideSecret}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var homes = new (string Label, string Account, bool OthersCanRead)[]
        {
            ("rsa key file, HMAC secret on line two", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "signing": "rsa", "keyFile": "{{misKeyFile}}"}""", false),
            ("ed25519 key file, HMAC secret on line two", $$"""{"name": "main", "environment": "mainnet", "signing": "ed25519", "keyFile": "{{misKeyFile}}"}""", false),
            ("ed25519 account, HMAC secret inline", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "signing": "ed25519", "apiKey": "{{InlineEdKey}}", "secret": "{{InlineEdSecret}}"}""", false),
            ("inline secret, accounts.json others can read", $$"""{"name": "main", "environment": "sim", "baseAddress": "{{sim}}", "apiKey": "{{WideKey}}", "secret": "{{WideSecret}}"}""", true),
            ("missing key file", $$"""{"name": "main", "environment": "mainnet", "keyFile": "{{Path.Combine(_keys, "gone.key")}}"}""", false),
            ("key file others can read", $$"""{"name": "main", "environment": "mainnet", "keyFile": "{{wideKeyFile}}"}""", false),
        };
        var captured = new List<(string Label, string Text)>();
        foreach (var (label, account, othersCanRead) in homes)
        {
            var home = FerryMcpProcess.NewHome($$"""{"accounts": [{{account}}]}""");
            if (othersCanRead && !OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(home, "accounts.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            await using var ferry = await FerryMcpProcess.StartAsync(home, ["--verbose"]);
            foreach (var (tool, arguments) in new (string, object)[]
            {
                ("balances", new { }), ("plan_transfer", new { amount = "1", asset = "USDT", from = "spot", to = "usdm" }),
                ("sub_list", new { }), ("transfer_history", new { account = "main" }),
            })
            {
                var call = (await ferry.CallAsync(tool, arguments)).Failed("refused");
                Assert.Contains("'main'", call.Error["message"]!.GetValue<string>());
                captured.Add(($"{label}: {tool}", call.All));
            }
            captured.Add(($"{label}: list_accounts", (await ferry.CallAsync("list_accounts")).All));
            captured.Add(($"{label}: server standard error", ferry.StandardError));
        }
        AssertNothingLeaked(captured);
    }

    private void AssertNothingLeaked(List<(string Label, string Text)> captured)
    {
        var leaks = new List<string>();
        foreach (var (label, text) in captured)
        {
            foreach (var (what, secret) in Forbidden())
                if (text.Contains(secret, StringComparison.Ordinal)) leaks.Add($"{what} in {label}");
            // Never where a key file is (the source documents' rule), not even to name the one that is wrong.
            if (text.Contains(_keys, StringComparison.Ordinal)) leaks.Add($"a key file's location in {label}");
        }
        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join("\n", leaks.Distinct()));
    }

    private IEnumerable<(string What, string Text)> Forbidden()
    {
        foreach (var pem in new[] { _rsa.ExportPkcs8PrivateKeyPem(), _ed.PrivatePem })
            foreach (var line in pem.Split('\n').Where(l => l.Length >= Window && !l.StartsWith("-----", StringComparison.Ordinal)))
                yield return ("PEM private key line", line);
        foreach (var key in new[] { MainKey, AliceKey, LiveKey, TestnetKey, FileKey, RsaKey, EdKey, MisKey, InlineEdKey, WideKey })
        {
            yield return ("whole API key", key);
            for (var i = 0; i + Window <= key.Length; i++) yield return ($"API key characters {i}..{i + Window}", key.Substring(i, Window));
        }
        foreach (var secret in new[] { MainSecret, AliceSecret, LiveSecret, TestnetSecret, FileSecret, MisSecret, InlineEdSecret, WideSecret })
        {
            yield return ("whole secret", secret);
            for (var i = 0; i + Window <= secret.Length; i++) yield return ($"secret characters {i}..{i + Window}", secret.Substring(i, Window));
        }
    }
}
