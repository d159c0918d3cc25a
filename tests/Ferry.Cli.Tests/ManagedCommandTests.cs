using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Faults;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry managed ...</c> against a running simulator with the three roles configured as accounts.</summary>
public sealed class ManagedCommandTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string Fund = "fund@example.com";
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = ScenarioDocument.Parse($$$"""
                {"binance": {"master": "{{{Master}}}",
                  "managedSubAccounts": [{"email": "{{{Fund}}}", "tradingTeam": "team@example.com", "futures": true, "margin": true}],
                  "apiKeys": [
                    {"owner": "{{{Master}}}", "apiKey": "investor-cli-key", "secret": "investor-cli-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                    {"owner": "team@example.com", "apiKey": "team-cli-key", "secret": "team-cli-secret", "permissions": ["enableReading"]},
                    {"owner": "{{{Fund}}}", "apiKey": "fund-cli-key", "secret": "fund-cli-secret", "permissions": ["enableReading"]}],
                  "balances": [
                    {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                    {"owner": "{{{Fund}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "30"},
                    {"owner": "{{{Fund}}}", "wallet": "USDT_FUTURE", "asset": "USDT", "amount": "70"}]}}
                """),
        });
        var sim = _host.BaseAddress;
        _cli.WriteAccounts($$"""
            {"accounts":[
              {"name":"main","environment":"sim","baseAddress":"{{sim}}","apiKey":"investor-cli-key","secret":"investor-cli-secret","email":"{{Master}}"},
              {"name":"team","environment":"sim","baseAddress":"{{sim}}","apiKey":"team-cli-key","secret":"team-cli-secret","email":"team@example.com"},
              {"name":"fund","environment":"sim","baseAddress":"{{sim}}","apiKey":"fund-cli-key","secret":"fund-cli-secret","email":"{{Fund}}"},
              {"name":"live","environment":"mainnet","apiKey":"investor-cli-key","secret":"investor-cli-secret","email":"{{Master}}"}]}
            """);
        _cli.MainnetRedirect = sim;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            Assert.Empty(_host.Audit());
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _cli.Dispose();

    private decimal Spot(string owner) => _host!.Balances(owner).Where(b => b.Wallet == "SPOT" && b.Asset == "USDT").Sum(b => b.Amount);

    private static JsonElement Result(CliRun.Result run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("result");

    [Fact]
    public async Task Every_verb_works_and_the_moves_show_in_every_roles_log()
    {
        var list = await _cli.RunAsync("managed", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("team@example.com", Result(list)[0].GetProperty("bindParentEmail").GetString());

        var deposit = await _cli.RunAsync("managed", "deposit", "25", "usdt", "--to", Fund, "--json");
        Assert.Equal(0, deposit.ExitCode);
        var doc = JsonDocument.Parse(deposit.Out).RootElement;
        Assert.Equal(("done", "ManagedSubAccountDeposit", "POST /sapi/v1/managed-subaccount/deposit"),
            (doc.GetProperty("outcome").GetString(), doc.GetProperty("plan").GetProperty("kind").GetString(), doc.GetProperty("plan").GetProperty("endpoint").GetString()));
        Assert.Equal((975m, 25m), (Spot(Master), Spot(Fund)));

        var withdraw = await _cli.RunAsync("managed", "withdraw", "5", "USDT", "--from", Fund);
        Assert.Equal(0, withdraw.ExitCode);
        Assert.Contains("Moved 5 USDT", withdraw.Out);
        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await _cli.RunAsync("managed", "withdraw", "5", "USDT", "--from", Fund, "--date", tomorrow);
        Assert.Equal(0, scheduled.ExitCode);
        Assert.Contains($"Scheduled 5 USDT from {Fund}/spot to {Master}/spot for {tomorrow} (UTC)", scheduled.Out);
        Assert.Equal((980m, 20m), (Spot(Master), Spot(Fund)));

        var assets = await _cli.RunAsync("managed", "assets", Fund, "--json");
        Assert.Equal("20", Result(assets)[0].GetProperty("totalBalance").GetString());
        Assert.Equal(0, (await _cli.RunAsync("managed", "futures-assets", Fund)).ExitCode);
        Assert.Equal("200", Result(await _cli.RunAsync("managed", "futures-assets", Fund, "--json")).GetProperty("code").GetString());
        Assert.Contains("Margin level 999", (await _cli.RunAsync("managed", "margin-assets", Fund)).Out);
        Assert.Equal(0, (await _cli.RunAsync("managed", "margin-assets", Fund, "--isolated", "--json")).ExitCode);
        Assert.Contains("0 spot snapshot(s).", (await _cli.RunAsync("managed", "snapshot", Fund)).Out);
        Assert.Equal(0, (await _cli.RunAsync("managed", "snapshot", Fund, "--type", "futures", "--limit", "30", "--json")).ExitCode);
        Assert.StartsWith("0x", Result(await _cli.RunAsync("managed", "deposit-address", Fund, "usdt", "--json")).GetProperty("address").GetString(), StringComparison.Ordinal);

        foreach (var args in new[] { new[] { "managed", "log", Fund }, ["managed", "log", Fund, "--role", "team", "--account", "team"], ["managed", "log", "--role", "sub", "--account", "fund"] })
        {
            var log = await _cli.RunAsync([.. args, "--json"]);
            Assert.Equal(0, log.ExitCode);
            Assert.Equal(2, Result(log).GetProperty("count").GetInt32());
        }
        var deposits = await _cli.RunAsync("managed", "log", Fund, "--direction", "in");
        Assert.Contains("1 transfer(s) in the last 30 day(s).", deposits.Out);
    }

    [Fact]
    public async Task Wrong_roles_are_refused_by_the_exchange_with_exit_1()
    {
        // The fund's own spot holds no USDT, so a deposit from it is refused before the exchange is asked to judge the role.
        var run = await _cli.RunAsync("managed", "deposit", "1", "USDT", "--to", Fund, "--account", "fund", "--json");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("'fund@example.com/spot' holds 0 USDT that can move now, less than the 1 USDT to move", JsonDocument.Parse(run.Out).RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(1, (await _cli.RunAsync("managed", "list", "--account", "team")).ExitCode);
        Assert.Equal(1, (await _cli.RunAsync("managed", "log", "--role", "sub")).ExitCode);
        Assert.Equal(1, (await _cli.RunAsync("managed", "assets", "nobody@example.com")).ExitCode);
        Assert.Equal((1000m, 0m), (Spot(Master), Spot(Fund)));
    }

    [Fact]
    public async Task Dry_run_and_mainnet_without_consent_send_nothing()
    {
        var dry = await _cli.RunAsync("managed", "withdraw", "1", "USDT", "--from", Fund, "--date", "2099-01-01", "--dry-run", "--json");
        Assert.Equal(0, dry.ExitCode);
        var parameters = JsonDocument.Parse(dry.Out).RootElement.GetProperty("plan").GetProperty("parameters");
        Assert.Equal("4070908800000", parameters.GetProperty("transferDate").GetString());

        var refused = await _cli.RunAsync("managed", "deposit", "10", "USDT", "--to", Fund, "--account", "live");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("re-run with --confirm", refused.Error);
        Assert.Equal(4, (await _cli.RunWithInputAsync("no\n", "managed", "deposit", "10", "USDT", "--to", Fund, "--account", "live")).ExitCode);
        Assert.Equal((1000m, 0m), (Spot(Master), Spot(Fund)));

        var confirmed = await _cli.RunWithInputAsync("CONFIRM\n", "managed", "deposit", "10", "USDT", "--to", Fund, "--account", "live");
        Assert.Equal(0, confirmed.ExitCode);
        Assert.Equal((990m, 10m), (Spot(Master), Spot(Fund)));
    }

    [Fact]
    public async Task The_managed_documents_keep_their_shape()
    {
        var golden = new JsonGolden("managed");
        string[][] runs =
        [
            ["managed", "list"],
            ["managed", "assets", Fund],
            ["managed", "futures-assets", Fund],
            ["managed", "futures-assets", Fund, "--coinm"],
            ["managed", "margin-assets", Fund],
            ["managed", "margin-assets", Fund, "--isolated"],
            ["managed", "snapshot", Fund],
            ["managed", "snapshot", Fund, "--type", "futures"],
            ["managed", "deposit-address", Fund, "usdt"],
            ["managed", "deposit", "25", "USDT", "--to", Fund, "--dry-run"],
            ["managed", "withdraw", "5", "USDT", "--from", Fund, "--date", "2099-01-01", "--dry-run"],
            ["managed", "deposit", "25", "USDT", "--to", Fund],
            ["managed", "withdraw", "5", "USDT", "--from", Fund],
            ["managed", "deposit", "1", "USDT", "--to", Fund, "--account", "fund"],
            ["managed", "assets", "nobody@example.com"],
            ["managed", "list", "--account", "team"],
            ["managed", "log", Fund],
            ["managed", "log", Fund, "--role", "team", "--account", "team"],
            ["managed", "log", "--role", "sub", "--account", "fund", "--direction", "in"],
        ];
        foreach (var args in runs) golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        golden.Verify();
    }

    [Fact]
    public async Task The_documents_of_unknown_outcomes_keep_their_shape()
    {
        var golden = new JsonGolden("unknown-outcomes");
        (string Fault, string[] Args)[] runs =
        [
            ("fail-before-commit@/sapi/v1/managed-subaccount/asset=1", ["managed", "assets", Fund]),
            ("fail-before-commit@/sapi/v1/asset/transfer=1", ["history"]),
            ("fail-before-commit@/sapi/v1/sub-account/universalTransfer=1", ["history", "--sub"]),
            ("drop-after-commit@/sapi/v1/managed-subaccount/deposit=1", ["managed", "deposit", "7", "USDT", "--to", Fund]),
        ];
        foreach (var (fault, args) in runs)
        {
            _host!.Faults.Reset(FaultPlan.Parse(fault), seed: 7);
            golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        }
        _host!.Faults.Reset(FaultPlan.None, seed: 7);
        golden.Verify();
    }

    [Theory]
    [InlineData("managed", "deposit", "abc", "USDT", "--to", Fund)]
    [InlineData("managed", "deposit", "0", "USDT", "--to", Fund)]
    [InlineData("managed", "deposit", "1.123456789", "USDT", "--to", Fund)]
    [InlineData("managed", "deposit", "1", "US DT", "--to", Fund)]
    [InlineData("managed", "deposit", "1", "USDT", "--to", "fund")]
    [InlineData("managed", "withdraw", "1", "USDT", "--from", Fund, "--date", "31/12/2099")]
    [InlineData("managed", "withdraw", "1", "USDT", "--from", Fund, "--date", "2000-01-01")]
    [InlineData("managed", "snapshot", Fund, "--limit", "6")]
    [InlineData("managed", "snapshot", Fund, "--type", "options")]
    [InlineData("managed", "log", Fund, "--days", "184")]
    [InlineData("managed", "log", "--role", "investor")]
    [InlineData("managed", "log", Fund, "--role", "sub")]
    [InlineData("managed", "log", Fund, "--direction", "sideways")]
    [InlineData("managed", "log", Fund, "--account-type", "funding")]
    [InlineData("managed", "assets", "not-an-email")]
    [InlineData("managed", "list", "--email", "x")]
    public async Task Bad_input_is_exit_code_2_and_nothing_moves(params string[] args)
    {
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal((1000m, 0m), (Spot(Master), Spot(Fund)));
    }
}
