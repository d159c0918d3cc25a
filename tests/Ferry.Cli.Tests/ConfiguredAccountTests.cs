using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

public sealed class ConfiguredAccountTests : IAsyncLifetime, IDisposable
{
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync() =>
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    private string SimAccount(string name) =>
        $$"""{"name":"{{name}}","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"ferry-sim-master-key","secret":"ferry-sim-master-secret","email":"master@example.com"}""";

    [Fact]
    public async Task A_sim_account_moves_money_on_a_separately_running_simulator()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{SimAccount("local")}}]}""");
        var totals = _host!.Totals();
        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "funding", "--account", "local", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("local", JsonDocument.Parse(result.Out).RootElement.GetProperty("target").GetProperty("account").GetString());
        Assert.Contains(_host.Balances("master@example.com"), r => r.Wallet == "FUNDING" && r.Asset == "USDT" && r.Amount == 260m);
        Assert.Equal(totals, _host.Totals());
        Assert.Empty(_host.Audit());
        Assert.False(File.Exists(_cli.StatePath), "a configured account never starts the embedded simulator");
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_by_the_simulator_with_minus_1022()
    {
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"ferry-sim-master-key","secret":"not-the-right-secret"}]}""");
        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm", "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("-1022", JsonDocument.Parse(result.Out).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("not-the-right-secret", result.All);
    }

    [Fact]
    public async Task Mainnet_move_without_consent_is_refused_and_nothing_is_sent()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"mainnet-key-0123456789","secret":"mainnet-secret-0123456789"}]}""");
        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--confirm", result.Error);
        Assert.DoesNotContain("mainnet-secret-0123456789", result.All);
        Assert.DoesNotContain("mainnet-key-0123456789", result.All);
    }

    [Fact]
    public async Task Mainnet_move_typed_anything_but_CONFIRM_is_refused()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"mainnet-key-0123456789","secret":"mainnet-secret-0123456789"}]}""");
        var result = await _cli.RunWithInputAsync("confirm\n", "transfer", "10", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Type CONFIRM", result.Error);
        Assert.Contains("not confirmed", result.Error);
    }

    [Fact]
    public async Task Testnet_transfer_says_sapi_is_not_served_there()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"main","environment":"testnet","apiKey":"testnet-key-0123456789","secret":"testnet-secret-0123456789"}]}""");
        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("testnet does not serve /sapi", result.Error);
    }

    [Fact]
    public async Task Several_accounts_without_main_need_a_choice()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{SimAccount("a")}},{{SimAccount("b")}}]}""");
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--account", result.Error);
        Assert.Equal(2, (await _cli.RunAsync("balances", "--account", "nope")).ExitCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_key_file_readable_by_others_is_refused()
    {
        var keyFile = Path.Combine(_cli.Home, "main.key");
        File.WriteAllText(keyFile, "ferry-sim-master-key\nferry-sim-master-secret\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","keyFile":"{{keyFile}}"}]}""");
        var result = await _cli.RunAsync("balances");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("chmod 600", result.Error);
    }
}
