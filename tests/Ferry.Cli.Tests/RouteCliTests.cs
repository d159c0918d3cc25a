using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry transfer</c> over multi-leg routes and <c>ferry journal resume</c>, on a simulator over loopback HTTP
/// (ledger audited and totals conserved after every test).</summary>
public sealed class RouteCliTests : IAsyncLifetime, IDisposable
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
              "subAccounts": [{"email": "{{{Alice}}}", "futures": true, "margin": true}, {"email": "{{{Bob}}}", "margin": true}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "route-master-key", "secret": "route-master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "enableSpotAndMarginTrading", "permitsUniversalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "200"},
                {"owner": "{{{Alice}}}", "wallet": "COIN_FUTURE", "asset": "USDT", "amount": "80"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"route-master-key","secret":"route-master-secret",
              "email":"{{Master}}","subAccounts":["{{Alice}}","{{Bob}}"]}]}
            """);
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

    private decimal Balance(string owner, string wallet) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private static JsonElement Json(CliRun.Result result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public async Task Dry_run_lists_every_leg_with_its_endpoint_key_and_weights_and_sends_nothing()
    {
        var json = await _cli.RunAsync("transfer", "50", "USDT", "--from", $"{Alice}/coinm", "--to", $"{Bob}/isolated:BTCUSDT", "--dry-run", "--json");
        Assert.True(json.ExitCode == 0, json.All);
        var doc = Json(json);
        var legs = doc.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(["POST /sapi/v1/sub-account/futures/transfer", "POST /sapi/v1/sub-account/universalTransfer"],
            legs.Select(l => l.GetProperty("endpoint").GetString()));
        Assert.All(legs, l => Assert.Equal("main", l.GetProperty("account").GetString()));
        Assert.Equal([(1, 0), (1, 360)], legs.Select(l => (l.GetProperty("ipWeight").GetInt32(), l.GetProperty("uidWeight").GetInt32())));
        Assert.Equal((2, 360), (doc.GetProperty("ipWeight").GetInt32(), doc.GetProperty("uidWeight").GetInt32()));
        Assert.Equal($"{Alice}/spot", doc.GetProperty("intermediates")[0].GetString());

        var text = await _cli.RunAsync("transfer", "50", "USDT", "--from", $"{Alice}/coinm", "--to", $"{Bob}/isolated:BTCUSDT", "--dry-run");
        Assert.Contains($"1. POST /sapi/v1/sub-account/futures/transfer as 'main' (IP 1, UID 0): 50 USDT {Alice}/coinm → {Alice}/spot", text.Out);
        Assert.Contains($"2. POST /sapi/v1/sub-account/universalTransfer as 'main' (IP 1, UID 360): 50 USDT {Alice}/spot → {Bob}/isolated:BTCUSDT", text.Out);
        Assert.Equal(80m, Balance(Alice, "COIN_FUTURE"));
        Assert.False(File.Exists(Path.Combine(_cli.Home, "journal.db")), "a dry run writes no journal");
    }

    [Fact]
    public async Task A_two_leg_route_runs_end_to_end_each_leg_journaled_under_one_route_id()
    {
        var result = await _cli.RunAsync("transfer", "50", "USDT", "--from", "margin", "--to", $"{Alice}/usdm", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        var doc = Json(result);
        Assert.Equal("complete", doc.GetProperty("status").GetString());
        var legs = doc.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(["WalletUniversalTransfer", "SubAccountFuturesInternalTransfer"], legs.Select(l => l.GetProperty("kind").GetString()));
        Assert.All(legs, l => Assert.Equal("done", l.GetProperty("state").GetString()));
        Assert.All(legs, l => Assert.Equal(doc.GetProperty("routeId").GetString(), l.GetProperty("routeId").GetString()));
        Assert.Equal((150m, 0m, 50m), (Balance(Master, "MARGIN"), Balance(Master, "USDT_FUTURE"), Balance(Alice, "USDT_FUTURE")));

        var resume = await _cli.RunAsync("journal", "resume", doc.GetProperty("routeId").GetString()!);
        Assert.Equal(4, resume.ExitCode);
        Assert.Contains("already complete", resume.Error);
    }

    [Fact]
    public async Task A_route_that_stops_halfway_names_the_wallet_holding_the_money_and_resume_finishes_it_moving_it_once()
    {
        // Bob has not enabled futures: the second leg (master's usdm → bob's usdm) is refused by the exchange.
        var text = await _cli.RunAsync("transfer", "40", "USDT", "--from", "margin", "--to", $"{Bob}/usdm");
        Assert.True(text.ExitCode == 1, text.All);
        Assert.Contains($"stopped at leg 2 of 2", text.Out);
        Assert.Contains($"the money now sits in {Master}/usdm", text.Out);
        var routeId = System.Text.RegularExpressions.Regex.Match(text.Out, @"ferry journal resume (R\S+)'").Groups[1].Value;
        Assert.StartsWith("R", routeId);
        Assert.Equal((160m, 40m, 0m), (Balance(Master, "MARGIN"), Balance(Master, "USDT_FUTURE"), Balance(Bob, "USDT_FUTURE")));

        // Still not enabled: the resume tries leg 2 again (a new entry), is refused again, and leg 1 is not resent.
        var again = await _cli.RunAsync("journal", "resume", routeId, "--json");
        Assert.True(again.ExitCode == 1, again.All);
        Assert.Equal(("stopped", 2, $"{Master}/usdm"), (Json(again).GetProperty("status").GetString(), Json(again).GetProperty("stoppedAt").GetInt32(),
            Json(again).GetProperty("holding").GetString()));
        Assert.Equal((160m, 40m), (Balance(Master, "MARGIN"), Balance(Master, "USDT_FUTURE")));

        var enable = await _cli.RunAsync("sub", "enable-futures", Bob);
        Assert.True(enable.ExitCode == 0, enable.All);

        // Resume by the journal id of the first leg: only leg 2 goes out.
        var firstLeg = Json(again).GetProperty("legs")[0].GetProperty("id").GetString()!;
        var resumed = await _cli.RunAsync("journal", "resume", firstLeg, "--json");
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Equal("complete", Json(resumed).GetProperty("status").GetString());
        Assert.Equal((160m, 0m, 40m), (Balance(Master, "MARGIN"), Balance(Master, "USDT_FUTURE"), Balance(Bob, "USDT_FUTURE")));

        var entries = Json(await _cli.RunAsync("journal", "list", "--json")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("routeId").GetString() == routeId).ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal(["done", "rejected", "rejected", "done"],
            entries.OrderBy(e => e.GetProperty("routeLeg").GetInt32()).ThenBy(e => e.GetProperty("createdAt").GetInt64()).Select(e => e.GetProperty("state").GetString()));

        var complete = await _cli.RunAsync("journal", "resume", routeId);
        Assert.Equal(4, complete.ExitCode);
        Assert.Contains($"Route {routeId} is already complete", complete.Error);
    }

    [Fact]
    public async Task On_mainnet_a_route_and_its_resume_each_need_consent()
    {
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"live","environment":"mainnet","apiKey":"route-master-key","secret":"route-master-secret",
              "email":"{{Master}}","subAccounts":["{{Alice}}","{{Bob}}"]}]}
            """);
        _cli.MainnetRedirect = _host.BaseAddress;

        var unconfirmed = await _cli.RunAsync("transfer", "40", "USDT", "--from", "margin", "--to", $"{Bob}/usdm");
        Assert.Equal(4, unconfirmed.ExitCode);
        Assert.Equal(200m, Balance(Master, "MARGIN"));

        var stopped = await _cli.RunAsync("transfer", "40", "USDT", "--from", "margin", "--to", $"{Bob}/usdm", "--confirm", "--json");
        Assert.True(stopped.ExitCode == 1, stopped.All);
        Assert.Contains("in 2 leg(s)", stopped.Error);
        var routeId = Json(stopped).GetProperty("routeId").GetString()!;

        async Task<int> RouteEntries() => Json(await _cli.RunAsync("journal", "list", "--json")).GetProperty("entries").EnumerateArray()
            .Count(e => e.GetProperty("routeId").GetString() == routeId);
        Assert.Equal(2, await RouteEntries());
        var refused = await _cli.RunAsync("journal", "resume", routeId);
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("--confirm", refused.Error);
        Assert.Equal(2, await RouteEntries());

        var confirmed = await _cli.RunAsync("journal", "resume", routeId, "--confirm", "--json");
        Assert.True(confirmed.ExitCode == 1, confirmed.All);
        Assert.Contains("Consent given with --confirm", confirmed.Error);
        Assert.Equal(3, await RouteEntries());
        Assert.Equal((160m, 40m), (Balance(Master, "MARGIN"), Balance(Master, "USDT_FUTURE")));
    }

    [Fact]
    public async Task Resume_refuses_an_unknown_id_and_a_single_transfer_in_one_sentence()
    {
        var nope = await _cli.RunAsync("journal", "resume", "R-nope");
        Assert.Equal(2, nope.ExitCode);
        Assert.Contains("There is no route or journal entry 'R-nope'", nope.Error);

        var single = await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", "margin", "--json");
        Assert.True(single.ExitCode == 0, single.All);
        var id = Json(single).GetProperty("journalId").GetString()!;
        var refused = await _cli.RunAsync("journal", "resume", id);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is a single transfer, not part of a route", refused.Error);
        Assert.Single(refused.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task No_route_names_the_missing_key_and_sends_nothing()
    {
        var result = await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", $"{Alice}/funding");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"configure {Alice}'s own key with permitsUniversalTransfer", result.Error);
        Assert.Equal(1000m, Balance(Master, "SPOT"));
    }
}
