using System.Text.Json;
using Ferry.Cli.Tests.Support;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AccountsCommandTests : IAsyncLifetime, IDisposable
{
    private const string Key = "su1QcAccountsTestKey0123456789abcd8akf";
    private const string Secret = "AccountsTestSecret-0123456789-zyxw-aws1";
    private readonly CliRun _cli = new();
    private readonly (string PrivatePem, string PublicPem) _ed25519 = TestKeys.Ed25519();
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "master@example.com",
              "apiKeys": [
                {"owner": "master@example.com", "apiKey": "{{{Key}}}", "secret": "{{{Secret}}}", "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "master@example.com", "apiKey": "ed25519-cli-key-0123456789", "ed25519PublicKey": {{{TestKeys.Json(_ed25519.PublicPem)}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "balances": [{"owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "1000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose()
    {
        _cli.Dispose();
        // The key files hold this class's test secrets: none is left in the temporary folder.
        foreach (var file in _keyFiles) File.Delete(file);
    }

    private readonly List<string> _keyFiles = [];

    private string KeyFile(string content = Key + "\n" + Secret + "\n")
    {
        var file = TestKeys.OwnerOnlyFile(Path.GetTempPath(), $"ferry-test-{Guid.NewGuid():N}.key", content);
        _keyFiles.Add(file);
        return file;
    }

    private static void NoSecretIn(CliRun.Result result)
    {
        Assert.DoesNotContain(Key, result.All);
        Assert.DoesNotContain(Secret, result.All);
    }

    [Theory]
    [InlineData(new[] { "accounts", "add" }, "give NAME")]
    [InlineData(new[] { "accounts", "add", "main" }, "give --environment")]
    [InlineData(new[] { "accounts", "add", "main", "--environment", "mainnet" }, "use --key-file, --private-key-file or --from-env")]
    [InlineData(new[] { "accounts", "add", "main", "--environment", "mainnet", "--signing", "hmac" }, "use --key-file, --private-key-file or --from-env")]
    [InlineData(new[] { "accounts", "add", "main", "--environment", "moon", "--signing", "hmac" }, "'moon' is not an environment")]
    [InlineData(new[] { "accounts", "add", "a b", "--environment", "mainnet", "--signing", "hmac" }, "is not an account name")]
    public async Task Add_without_a_terminal_refuses_what_it_would_ask_and_writes_nothing(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "accounts.json")));
    }

    [Fact]
    public async Task Add_in_a_terminal_asks_for_name_environment_signing_and_the_key_and_prints_it_masked()
    {
        var result = await _cli.RunWithInputAsync($"main\nmainnet\n\n{Key}\n{Secret}\n", "accounts", "add");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Account name: ", result.Error);
        Assert.Contains("Environment (mainnet, testnet, sim): ", result.Error);
        Assert.Contains("Signing mode (hmac, rsa, ed25519) [hmac]: ", result.Error);
        Assert.Contains("API key (not shown): ", result.Error);
        Assert.Contains("Added account: main (Mainnet) API Key: su1Qc...8akf Secret: ***...-aws1", result.Out);
        NoSecretIn(result);

        var accountsJson = File.ReadAllText(Path.Combine(_cli.Home, "accounts.json"));
        Assert.DoesNotContain(Secret, accountsJson);
        Assert.DoesNotContain(Key, accountsJson);
        var keyFile = Path.Combine(_cli.Home, "keys", "main.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal([Key, Secret], File.ReadAllLines(keyFile));
    }

    [Fact]
    public async Task Add_in_a_script_defaults_to_hmac_and_stores_sub_accounts_and_master_email()
    {
        _cli.Environment["FERRY_MASTER_API_KEY"] = Key;
        _cli.Environment["FERRY_MASTER_API_SECRET"] = Secret;
        _cli.Environment["FERRY_SUB_API_KEY"] = Key + "sub";
        _cli.Environment["FERRY_SUB_API_SECRET"] = Secret + "sub";

        var master = await _cli.RunAsync("accounts", "add", "master", "--environment", "mainnet", "--from-env",
            "--email", "boss@example.com", "--sub-accounts", "alice@example.com", "Bob@Example.com");
        var sub = await _cli.RunAsync("accounts", "add", "sub", "--environment", "mainnet", "--from-env",
            "--email", "alice@example.com", "--master-email", "boss@example.com");
        var badSub = await _cli.RunAsync("accounts", "add", "bad", "--environment", "mainnet", "--from-env", "--sub-accounts", "not-an-email");

        Assert.True(master.ExitCode == 0, master.All);
        Assert.True(sub.ExitCode == 0, sub.All);
        Assert.Equal(2, badSub.ExitCode);
        Assert.Contains("not-an-email", badSub.Error);
        using var accounts = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Home, "accounts.json")));
        var entries = accounts.RootElement.GetProperty("accounts");
        Assert.Equal("hmac", entries[0].GetProperty("signing").GetString());
        Assert.Equal(["alice@example.com", "bob@example.com"], entries[0].GetProperty("subAccounts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("boss@example.com", entries[1].GetProperty("masterEmail").GetString());
        Assert.Equal(2, entries.GetArrayLength());
    }

    [Fact]
    public async Task List_shows_names_and_environments_only_and_show_masks_key_and_secret()
    {
        Assert.Equal(0, (await _cli.RunAsync("accounts", "add", "main", "--environment", "mainnet", "--signing", "hmac", "--key-file", KeyFile(), "--description", "Primary trading account")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("accounts", "add", "futures-keys", "--environment", "testnet", "--signing", "hmac", "--key-file", KeyFile())).ExitCode);

        var list = await _cli.RunAsync("accounts", "list");
        Assert.Equal("Binance Accounts:\n- main (Mainnet)\n- futures-keys (Testnet)\n", list.Out.Replace("\r\n", "\n"));
        var listJson = await _cli.RunAsync("accounts", "list", "--json");
        var rows = JsonDocument.Parse(listJson.Out).RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["name", "venue", "environment"], rows[0].EnumerateObject().Select(p => p.Name));
        NoSecretIn(list);
        Assert.DoesNotContain("su1Qc", list.All + listJson.All);

        var show = await _cli.RunAsync("accounts", "show");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Account: main", show.Out);
        Assert.Contains("API Key: su1Qc...8akf", show.Out);
        Assert.Contains("Secret: ***...-aws1", show.Out);
        Assert.Contains("Description: Primary trading account", show.Out);
        Assert.DoesNotContain(Path.Combine(_cli.Home, "keys"), show.Out); // never disclose where the key file is
        NoSecretIn(show);

        var showJson = JsonDocument.Parse((await _cli.RunAsync("accounts", "show", "futures-keys", "--json")).Out).RootElement;
        Assert.Equal("su1Qc...8akf", showJson.GetProperty("apiKey").GetString());
        Assert.Equal("***...-aws1", showJson.GetProperty("secret").GetString());
        Assert.Equal("testnet", showJson.GetProperty("environment").GetString());
    }

    [Fact]
    public async Task Remove_deletes_the_account_and_its_key_file()
    {
        await _cli.RunAsync("accounts", "add", "main", "--environment", "mainnet", "--signing", "hmac", "--key-file", KeyFile());
        var result = await _cli.RunAsync("accounts", "remove", "main");
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "keys", "main.key")));
        Assert.Contains("No accounts configured", (await _cli.RunAsync("accounts", "list")).Out);
        Assert.Equal(2, (await _cli.RunAsync("accounts", "remove", "main")).ExitCode);
    }

    [Fact]
    public async Task Add_refuses_a_key_file_others_can_read_and_says_to_chmod_600_without_its_location()
    {
        var keyFile = KeyFile();
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var result = await _cli.RunAsync("accounts", "add", "main", "--environment", "mainnet", "--signing", "hmac", "--key-file", keyFile);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("chmod 600", result.Error);
        Assert.DoesNotContain(keyFile, result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "accounts.json")));
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://api.binance.com.evil.example")]
    public async Task Add_refuses_a_base_address_outside_the_allowlist(string address)
    {
        var result = await _cli.RunAsync("accounts", "add", "main", "--environment", "mainnet", "--signing", "hmac", "--key-file", KeyFile(), "--base-address", address);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Refusing to send a Binance key", result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "accounts.json")));
        NoSecretIn(result);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://api.binance.com.evil.example")]
    public async Task A_configured_account_outside_the_allowlist_is_refused_before_anything_is_sent(string address)
    {
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"mainnet","baseAddress":"{{address}}","apiKey":"{{Key}}","secret":"{{Secret}}"}]}""");
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm", "--confirm");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Refusing to send a Binance key", result.Error);
        NoSecretIn(result);
    }

    [Fact]
    public async Task Import_reads_TOOLS_md_stores_owner_only_and_prints_only_masked_values()
    {
        var tools = Path.Combine(_cli.Home, "TOOLS.md");
        File.WriteAllText(tools, $"""
            ## Binance Accounts
            ### main
            - API Key: {Key}
            - Secret: {Secret}
            - Description: Primary trading account
            ### futures-keys
            - API Key: futures789KEY-0123456789-def
            - Secret: futuressecret-0123456789-uvw
            - Description: Futures trading account
            """);
        File.SetUnixFileMode(tools, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = await _cli.RunAsync("accounts", "import", tools);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Imported account: main (Mainnet) API Key: su1Qc...8akf Secret: ***...-aws1 - Primary trading account", result.Out);
        Assert.Contains("Imported account: futures-keys (Mainnet) API Key: futur...-def Secret: ***...9-uvw", result.Out);
        NoSecretIn(result);
        Assert.DoesNotContain("futuressecret-0123456789-uvw", result.All);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_cli.Home, "keys", "futures-keys.key")));
        Assert.DoesNotContain(Secret, File.ReadAllText(Path.Combine(_cli.Home, "accounts.json")));
        Assert.Contains("- futures-keys (Mainnet)", (await _cli.RunAsync("accounts", "list")).Out);

        var again = await _cli.RunAsync("accounts", "import", tools, "--json");
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task Import_of_the_source_documents_placeholder_example_is_refused()
    {
        var tools = Path.Combine(_cli.Home, "TOOLS.md");
        File.WriteAllText(tools, "## Binance Accounts\n### main\n- API Key: abc123...xyz\n- Secret: secret123...key\n- Description: Primary trading account\n");
        var result = await _cli.RunAsync("accounts", "import", tools);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("shortened with '...'", result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "accounts.json")));
    }

    [Fact]
    public async Task An_ed25519_account_from_a_pem_file_moves_money_on_the_simulator()
    {
        var pem = TestKeys.OwnerOnlyFile(_cli.Home, "ed.pem", _ed25519.PrivatePem);
        _cli.Environment["FERRY_ED_API_KEY"] = "ed25519-cli-key-0123456789";
        var add = await _cli.RunAsync("accounts", "add", "ed", "--environment", "sim", "--signing", "ed25519",
            "--private-key-file", pem, "--base-address", _host!.BaseAddress.ToString(), "--email", "master@example.com");
        Assert.Equal(0, add.ExitCode);
        _cli.Environment.Remove("FERRY_ED_API_KEY"); // from now on the key comes from the stored key file
        Assert.True(File.Exists(Path.Combine(_cli.Home, "keys", "ed.pem")));

        var transfer = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "funding", "--json");
        Assert.Equal(0, transfer.ExitCode);
        Assert.Contains(_host.Balances("master@example.com"), r => r.Wallet == "FUNDING" && r.Asset == "USDT" && r.Amount == 10m);
        Assert.Empty(_host.Audit());
        foreach (var line in _ed25519.PrivatePem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)))
            Assert.DoesNotContain(line, add.All + transfer.All);
    }

    [Fact]
    public async Task Several_accounts_without_main_are_asked_for_in_a_terminal()
    {
        var sim = $$"""{"environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"{{Key}}","secret":"{{Secret}}","email":"master@example.com"}""";
        _cli.WriteAccounts($$"""{"accounts":[{"name":"alpha",{{sim[1..]}},{"name":"beta",{{sim[1..]}}]}""");
        var asked = await _cli.RunWithInputAsync("beta\n", "balances", "--json");
        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("- alpha (Sim)", asked.Error);
        Assert.Contains("Which account? ", asked.Error);
        Assert.Equal("beta", JsonDocument.Parse(asked.Out).RootElement.GetProperty("target").GetProperty("account").GetString());
        NoSecretIn(asked);

        var refused = await _cli.RunAsync("balances");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("choose one with --account (alpha, beta)", refused.Error);
    }

    [Fact]
    public async Task Main_is_the_default_among_several_accounts()
    {
        var sim = $$"""{"environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"{{Key}}","secret":"{{Secret}}","email":"master@example.com"}""";
        _cli.WriteAccounts($$"""{"accounts":[{"name":"alpha",{{sim[1..]}},{"name":"main",{{sim[1..]}}]}""");
        var result = await _cli.RunAsync("balances", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("main", JsonDocument.Parse(result.Out).RootElement.GetProperty("target").GetProperty("account").GetString());
    }
}
