using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// Managed sub-account deposits and withdrawals are journaled like every other move (issues #5 and #7): an answer lost
/// after the exchange committed is resolved from the investor's transfer log, never by sending again.
/// </summary>
public sealed class ManagedJournalTests : IAsyncLifetime, IDisposable
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
                  "managedSubAccounts": [{"email": "{{{Fund}}}", "tradingTeam": "team@example.com"}],
                  "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "investor-journal-key", "secret": "investor-journal-secret", "permissions": ["enableReading", "enableInternalTransfer"]}],
                  "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"}]}}
                """),
        });
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"investor-journal-key","secret":"investor-journal-secret","email":"{{Master}}"}]}
            """);
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

    private static JsonElement Entry(CliRun.Result list, string id) =>
        JsonDocument.Parse(list.Out).RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public async Task A_deposit_is_journaled_with_its_kind_and_state()
    {
        var deposit = await _cli.RunAsync("managed", "deposit", "25", "USDT", "--to", Fund, "--json");
        Assert.Equal(0, deposit.ExitCode);
        var id = JsonDocument.Parse(deposit.Out).RootElement.GetProperty("journalId").GetString()!;
        var entry = Entry(await _cli.RunAsync("journal", "list", "--json"), id);
        Assert.Equal(("done", "ManagedSubAccountDeposit"), (entry.GetProperty("state").GetString(), entry.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_deposit_whose_answer_was_lost_is_found_in_the_investor_log_and_not_sent_again()
    {
        _host!.Faults.Reset(FaultPlan.Parse("drop-after-commit@/sapi/v1/managed-subaccount/deposit=1"), seed: 7);
        var deposit = await _cli.RunAsync("managed", "deposit", "25", "USDT", "--to", Fund, "--json");
        Assert.Equal(3, deposit.ExitCode);
        var id = JsonDocument.Parse(deposit.Out).RootElement.GetProperty("journalId").GetString()!;
        Assert.Equal((975m, 25m), (Spot(Master), Spot(Fund)));

        _host.Faults.Reset(FaultPlan.None, seed: 7);
        var reconcile = await _cli.RunAsync("journal", "reconcile", id, "--json");
        Assert.Equal(0, reconcile.ExitCode);
        Assert.Equal("done", JsonDocument.Parse(reconcile.Out).RootElement.GetProperty("results")[0].GetProperty("state").GetString());
        Assert.Equal((975m, 25m), (Spot(Master), Spot(Fund)));
    }

    [Fact]
    public async Task An_unknown_scheduled_withdrawal_stays_unknown_and_says_why()
    {
        Assert.Equal(0, (await _cli.RunAsync("managed", "deposit", "25", "USDT", "--to", Fund)).ExitCode);
        _host!.Faults.Reset(FaultPlan.Parse("drop-after-commit@/sapi/v1/managed-subaccount/withdraw=1"), seed: 7);
        var tomorrow = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var withdraw = await _cli.RunAsync("managed", "withdraw", "5", "USDT", "--from", Fund, "--date", tomorrow, "--json");
        Assert.Equal(3, withdraw.ExitCode);
        var id = JsonDocument.Parse(withdraw.Out).RootElement.GetProperty("journalId").GetString()!;

        _host.Faults.Reset(FaultPlan.None, seed: 7);
        var reconcile = await _cli.RunAsync("journal", "reconcile", id, "--json");
        var result = JsonDocument.Parse(reconcile.Out).RootElement.GetProperty("results")[0];
        Assert.Equal("unknown", result.GetProperty("state").GetString());
        Assert.Contains("listed only after it runs", result.GetProperty("reason").GetString());
        Assert.Equal(3, reconcile.ExitCode);
    }
}
