using System.Globalization;
using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>HTX addresses in ferry transfer, balances and history: the embedded simulator's HTX account, a configured
/// HTX account, bad input (nothing written, nothing sent) and the demo's HTX leg.</summary>
public sealed class HtxCliTests : IAsyncLifetime, IDisposable
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

    private static JsonElement Json(CliRun.Result result) => JsonDocument.Parse(result.Out).RootElement;

    private static decimal Amount(JsonElement balances, string wallet, string asset = "USDT") =>
        balances.GetProperty("balances").EnumerateArray()
            .Where(r => r.GetProperty("wallet").GetString() == wallet && r.GetProperty("asset").GetString() == asset)
            .Select(r => decimal.Parse(r.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)).SingleOrDefault();

    [Fact]
    public async Task The_embedded_simulator_moves_spot_to_swap_with_no_configuration()
    {
        var before = Json(await _cli.RunAsync("balances", "--venue", "htx", "--json"));
        var transfer = await _cli.RunAsync("transfer", "10", "USDT", "--from", "htx:spot", "--to", "htx:swap");
        Assert.True(transfer.ExitCode == 0, transfer.All);
        Assert.Contains("HTX SIMULATOR", transfer.Out);
        Assert.Contains("spot-to-linear-swap", transfer.Out);

        var after = Json(await _cli.RunAsync("balances", "--venue", "htx", "--json"));
        Assert.Equal(Amount(before, "htx:spot") - 10, Amount(after, "htx:spot"));
        Assert.Equal(Amount(before, "htx:swap") + 10, Amount(after, "htx:swap"));
        Assert.Equal("htx", after.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task Isolated_moves_both_ways_show_in_balances_and_history()
    {
        var into = Json(await _cli.RunAsync("transfer", "40", "usdt", "--from", "htx:spot", "--to", "htx:swap:btc-usdt", "--json"));
        Assert.Equal("done", into.GetProperty("outcome").GetString());
        Assert.Equal("BTC-USDT", into.GetProperty("plan").GetProperty("parameters").GetProperty("margin-account").GetString());
        var back = await _cli.RunAsync("transfer", "15", "USDT", "--from", "htx:swap:BTC-USDT", "--to", "htx:spot", "--json");
        Assert.Equal(0, back.ExitCode);

        var balances = Json(await _cli.RunAsync("balances", "--venue", "htx", "--json"));
        Assert.Equal(125m, Amount(balances, "htx:swap:BTC-USDT"));
        var spot = balances.GetProperty("balances").EnumerateArray().Single(r => r.GetProperty("wallet").GetString() == "htx:spot" && r.GetProperty("asset").GetString() == "USDT");
        Assert.Equal(("4975", "20"), (spot.GetProperty("available").GetString(), spot.GetProperty("frozen").GetString()));

        var history = Json(await _cli.RunAsync("history", "--venue", "htx", "--json"));
        Assert.Equal("GET /v2/account/ledger", history.GetProperty("source").GetString());
        var rows = history.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal([Json(back).GetProperty("transferId").GetInt64(), into.GetProperty("transferId").GetInt64()], rows.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal([("htx:swap", "htx:spot", "15"), ("htx:spot", "htx:swap", "40")],
            rows.Select(r => (r.GetProperty("from").GetString(), r.GetProperty("to").GetString(), r.GetProperty("amount").GetString())));
    }

    [Theory]
    [InlineData("more than 8 decimal places", "transfer", "1.123456789", "USDT", "--from", "htx:spot", "--to", "htx:swap")]
    [InlineData("same wallet", "transfer", "1", "USDT", "--from", "htx:swap", "--to", "htx:swap")]
    [InlineData("malformed contract", "transfer", "1", "USDT", "--from", "htx:spot", "--to", "htx:swap:BTCUSDT")]
    [InlineData("not a USDT-margined contract", "transfer", "1", "USDT", "--from", "htx:spot", "--to", "htx:swap:BTC-USD")]
    [InlineData("two steps", "transfer", "1", "USDT", "--from", "htx:swap", "--to", "htx:swap:BTC-USDT")]
    [InlineData("different exchanges", "transfer", "1", "USDT", "--from", "spot", "--to", "htx:swap")]
    [InlineData("not positive", "transfer", "0", "USDT", "--from", "htx:spot", "--to", "htx:swap")]
    [InlineData("not a venue", "balances", "--venue", "okx")]
    [InlineData("apply to Binance history", "history", "--venue", "htx", "--type", "MAIN_UMFUTURE")]
    [InlineData("1 to 180 days", "history", "--venue", "htx", "--days", "181")]
    [InlineData("--owner applies to Binance", "balances", "--venue", "htx", "--owner", "a@b.io")]
    public async Task Bad_input_is_exit_2_and_writes_nothing(string expected, params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ferry: ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.False(File.Exists(_cli.StatePath), "bad input must not start the embedded simulator");
    }

    [Fact]
    public async Task An_unknown_contract_is_refused_by_htx_with_exit_1()
    {
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "htx:spot", "--to", "htx:swap:XRP-USDT", "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1013", Json(result).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_configured_htx_sim_account_uses_one_loopback_address_for_both_hosts()
    {
        _cli.WriteAccounts($$"""
            {"accounts":[
              {"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"ferry-sim-master-key","secret":"ferry-sim-master-secret"},
              {"name":"myhtx","venue":"htx","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"{{ScenarioDocument.DemoHtxAccessKey}}","secret":"{{ScenarioDocument.DemoHtxSecretKey}}"}]}
            """);
        var totals = _host.Totals();
        var result = await _cli.RunAsync("transfer", "20", "USDT", "--from", "htx:swap", "--to", "htx:spot", "--json");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("myhtx", Json(result).GetProperty("target").GetProperty("account").GetString());
        Assert.Contains(_host.Balances("master@example.com"), r => r.Wallet == "HTX_SWAP_CROSS" && r.Amount == 180m);

        var balances = Json(await _cli.RunAsync("balances", "--account", "myhtx", "--json"));
        Assert.Equal(180m, Amount(balances, "htx:swap"));
        Assert.Equal(100m, Amount(balances, "htx:swap:BTC-USDT"));
        Assert.Single(Json(await _cli.RunAsync("history", "--account", "myhtx", "--json")).GetProperty("transfers").EnumerateArray());

        var wrong = await _cli.RunAsync("transfer", "1", "USDT", "--from", "htx:spot", "--to", "htx:swap", "--account", "main");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("is a Binance account", wrong.Error);
        Assert.Equal(totals, _host.Totals());
        Assert.Empty(_host.Audit());
        Assert.False(File.Exists(_cli.StatePath));
    }

    [Fact]
    public async Task Without_an_htx_account_configured_htx_moves_are_refused()
    {
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"ferry-sim-master-key","secret":"ferry-sim-master-secret"}]}""");
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "htx:spot", "--to", "htx:swap");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("No HTX account is configured", result.Error);
    }

    [Fact]
    public async Task A_mainnet_htx_move_without_consent_is_refused_and_nothing_is_sent()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"h","venue":"htx","environment":"mainnet","apiKey":"htx-mainnet-access-0123","secret":"htx-mainnet-secret-0123"}]}""");
        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "htx:spot", "--to", "htx:swap");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--confirm", result.Error);
        Assert.DoesNotContain("htx-mainnet-secret-0123", result.All);

        var dry = await _cli.RunAsync("transfer", "10", "USDT", "--from", "htx:spot", "--to", "htx:swap:ETH-USDT", "--dry-run", "--json");
        Assert.Equal(0, dry.ExitCode);
        Assert.Equal("mainnet", Json(dry).GetProperty("target").GetProperty("environment").GetString());
        Assert.Equal("POST /v2/account/transfer", Json(dry).GetProperty("plan").GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task The_demo_includes_an_htx_leg_and_never_prints_the_htx_secret()
    {
        var result = await _cli.RunAsync("demo");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("HTX on the same simulator", result.Out);
        Assert.Contains("linear-swap-to-spot", result.Out);
        Assert.Contains("refused: code 1303", result.Out);
        Assert.Contains("(Binance and HTX) are unchanged", result.Out);
        Assert.DoesNotContain(ScenarioDocument.DemoHtxSecretKey, result.All);
        Assert.DoesNotContain(ScenarioDocument.DemoHtxAccessKey, result.All);
    }
}
