using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry transfer</c> across accounts (single-leg routing) and <c>ferry history --sub</c>, on the embedded
/// simulator and on a separately running one with a sub-account key configured.</summary>
public sealed class SubAccountCliTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    private readonly CliRun _cli = new();
    private SimulatorHost _host = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Alice}}}", "futures": true, "margin": true}, {"email": "{{{Bob}}}"}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "cli-master-key", "secret": "cli-master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "enableSpotAndMarginTrading", "permitsUniversalTransfer"]},
                {"owner": "{{{Alice}}}", "apiKey": "cli-alice-key", "secret": "cli-alice-secret", "permissions": ["enableReading", "enableInternalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                {"owner": "{{{Alice}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(_host.Audit());
            Assert.Equal(_seeded, _host.Totals());
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _cli.Dispose();

    private string Entry(string name, string key, string secret, string extra) =>
        $$"""{"name":"{{name}}","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"{{key}}","secret":"{{secret}}",{{extra}}}""";

    private string MasterEntry => Entry("main", "cli-master-key", "cli-master-secret", $"\"email\":\"{Master}\",\"subAccounts\":[\"{Alice}\",\"{Bob}\"]");
    private string AliceEntry => Entry("alice", "cli-alice-key", "cli-alice-secret", $"\"email\":\"{Alice}\",\"masterEmail\":\"{Master}\"");

    private decimal Balance(string owner, string wallet) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private static JsonElement Json(CliRun.Result result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public async Task Master_to_sub_account_goes_through_universal_transfer_with_a_clientTranId_and_history_sub_lists_it()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{MasterEntry}}]}""");

        var result = await _cli.RunAsync("transfer", "25", "USDT", "--from", "spot", "--to", $"{Alice}/usdm", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        var document = Json(result);
        var plan = document.GetProperty("plan");
        Assert.Equal("POST /sapi/v1/sub-account/universalTransfer", plan.GetProperty("endpoint").GetString());
        var clientTranId = plan.GetProperty("parameters").GetProperty("clientTranId").GetString();
        Assert.Matches("^ferry[0-9a-f]{24}$", clientTranId);
        Assert.Equal((975m, 25m), (Balance(Master, "SPOT"), Balance(Alice, "USDT_FUTURE")));
        var id = document.GetProperty("tranId").GetInt64();

        var history = await _cli.RunAsync("history", "--sub", "--json");
        Assert.True(history.ExitCode == 0, history.All);
        var row = Assert.Single(Json(history).GetProperty("transfers").EnumerateArray());
        Assert.Equal((id, "25", $"{Master}/SPOT", $"{Alice}/USDT_FUTURE"),
            (row.GetProperty("id").GetInt64(), row.GetProperty("amount").GetString(), row.GetProperty("from").GetString(), row.GetProperty("to").GetString()));

        var text = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", $"{Bob}/spot");
        Assert.Contains("clientTranId ferry", text.Out);
        Assert.Contains("via POST /sapi/v1/sub-account/universalTransfer", text.Out);
    }

    [Fact]
    public async Task A_sub_account_key_alone_moves_spot_to_the_master_with_subToMaster_and_sees_it_in_its_own_history()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{AliceEntry}}]}""");

        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", $"{Master}/spot", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("POST /sapi/v1/sub-account/transfer/subToMaster", Json(result).GetProperty("plan").GetProperty("endpoint").GetString());
        Assert.Equal((90m, 1010m), (Balance(Alice, "SPOT"), Balance(Master, "SPOT")));
        var history = await _cli.RunAsync("history", "--sub", "--json");
        var row = Assert.Single(Json(history).GetProperty("transfers").EnumerateArray());
        Assert.Equal((Json(result).GetProperty("tranId").GetInt64(), "OUT"), (row.GetProperty("id").GetInt64(), row.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task With_both_keys_the_masters_universal_transfer_is_chosen_even_when_run_as_the_sub_account()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{MasterEntry}},{{AliceEntry}}]}""");

        var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", $"{Master}/spot", "--account", "alice", "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        var document = Json(result);
        Assert.Equal(("main", "main"), (document.GetProperty("plan").GetProperty("account").GetString(), document.GetProperty("target").GetProperty("account").GetString()));
        Assert.Equal(Alice, document.GetProperty("plan").GetProperty("parameters").GetProperty("fromEmail").GetString());
        Assert.Equal(100m, Balance(Alice, "SPOT"));
    }

    [Fact]
    public async Task A_refusal_by_the_exchange_is_exit_1_and_moves_nothing()
    {
        _cli.WriteAccounts($$"""{"accounts":[{{MasterEntry}}]}""");

        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", $"{Bob}/usdm", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("-5011", Json(result).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1000m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Embedded_dry_run_prints_endpoint_and_parameters_and_starts_nothing()
    {
        var result = await _cli.RunAsync("transfer", "5", "USDT", "--from", $"{Alice}/isolated:btcusdt", "--to", "spot", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("POST /sapi/v1/sub-account/universalTransfer fromEmail=alice@example.com&fromAccountType=ISOLATED_MARGIN&toAccountType=SPOT&clientTranId=ferry", result.Out);
        Assert.Contains("&symbol=BTCUSDT&asset=USDT&amount=5", result.Out);
        Assert.False(File.Exists(_cli.StatePath));
    }

    [Fact]
    public async Task Embedded_master_moves_inside_a_sub_account_with_the_margin_transfer()
    {
        var result = await _cli.RunAsync("transfer", "40", "USDT", "--from", $"{Alice}/spot", "--to", $"{Alice}/margin", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("POST /sapi/v1/sub-account/margin/transfer", Json(result).GetProperty("plan").GetProperty("endpoint").GetString());
        var balances = Json(await _cli.RunAsync("balances", "--json")).GetProperty("balances").EnumerateArray();
        Assert.Contains(balances, b => b.GetProperty("owner").GetString() == Alice && b.GetProperty("wallet").GetString() == "MARGIN"
            && b.GetProperty("amount").GetString() == "40");
    }

    [Theory]
    [InlineData("spot", "carol@example.com/spot", "neither account")]
    [InlineData("spot", "alice@@example.com/spot", "malformed email")]
    [InlineData("spot", "alice.example.com/spot", "malformed email")]
    [InlineData("spot", "master@example.com/spot", "same wallet")]
    [InlineData("alice@example.com/usdm", "alice@example.com/usdm", "same wallet")]
    [InlineData("spot", "alice@example.com/isolated", "needs the isolated margin symbol")]
    [InlineData("spot", "bob@example.com/funding", "configure bob@example.com's own key with permitsUniversalTransfer")]
    public async Task Bad_input_is_one_clear_sentence_exit_2_and_nothing_is_sent(string from, string to, string expected)
    {
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", from, "--to", to);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ferry: ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(_cli.StatePath), "bad input must not start the simulator");
    }

    [Theory]
    [InlineData("history", "--sub", "--days", "31")]
    [InlineData("history", "--sub", "--margin")]
    [InlineData("history", "--sub", "--type", "MAIN_UMFUTURE")]
    public async Task Bad_history_options_are_exit_2(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(_cli.StatePath));
    }
}
