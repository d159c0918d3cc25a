using Ferry.Simulator;

namespace Ferry.Cli.Tests;

/// <summary>The exact <c>--json</c> documents of the <c>ferry managed</c> verbs against a simulator with the three roles as accounts.</summary>
public sealed class ManagedCommandJsonGoldenTests : IAsyncLifetime, IDisposable
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
                    {"owner": "{{{Master}}}", "apiKey": "investor-golden-key", "secret": "investor-golden-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                    {"owner": "team@example.com", "apiKey": "team-golden-key", "secret": "team-golden-secret", "permissions": ["enableReading"]},
                    {"owner": "{{{Fund}}}", "apiKey": "fund-golden-key", "secret": "fund-golden-secret", "permissions": ["enableReading"]}],
                  "balances": [
                    {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                    {"owner": "{{{Fund}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "30"},
                    {"owner": "{{{Fund}}}", "wallet": "USDT_FUTURE", "asset": "USDT", "amount": "70"}]}}
                """),
        });
        var sim = _host.BaseAddress;
        _cli.WriteAccounts($$"""
            {"accounts":[
              {"name":"main","environment":"sim","baseAddress":"{{sim}}","apiKey":"investor-golden-key","secret":"investor-golden-secret","email":"{{Master}}"},
              {"name":"team","environment":"sim","baseAddress":"{{sim}}","apiKey":"team-golden-key","secret":"team-golden-secret","email":"team@example.com"},
              {"name":"fund","environment":"sim","baseAddress":"{{sim}}","apiKey":"fund-golden-key","secret":"fund-golden-secret","email":"{{Fund}}"}]}
            """);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

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
}
