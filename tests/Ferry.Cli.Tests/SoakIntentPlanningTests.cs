using Ferry.Cli.Soak;
using Ferry.Engine.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Cli.Tests;

/// <summary>
/// The soak's wallet and HTX intents are planned by the engine's service; the legs it journals for them are pinned here
/// (kind, account, endpoint, wire parameters), so planning through the one door changed nothing the journal records.
/// </summary>
public sealed class SoakIntentPlanningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-soak-plan-").FullName;
    private readonly SqliteTransferJournal _journal;
    private readonly SoakRunner _runner;

    public SoakIntentPlanningTests()
    {
        var clock = new FakeTimeProvider();
        _journal = SqliteTransferJournal.Open(Path.Combine(_dir, "journal.db"), clock);
        // Planning opens no session, so nothing listens on the simulator address.
        _runner = new SoakRunner(new Uri("http://127.0.0.1:1/"), _journal, clock, 7, new ReconcileOptions());
    }

    private async Task<LegDescription> JournaledAsync(SoakRunner.Intent intent)
    {
        var proposal = await _runner.ProposalAsync(intent, CancellationToken.None);
        Assert.False(proposal.IsRoute);
        return Assert.Single(proposal.Legs).Describe(intent.Key);
    }

    [Fact]
    public async Task A_wallet_intent_journals_one_universal_transfer_of_the_soak_account()
    {
        var intent = SoakRunner.Intents(1, 7)[0];
        var leg = await JournaledAsync(intent);
        Assert.Equal(("WalletUniversalTransfer", "binance", "soak", "POST /sapi/v1/asset/transfer", "spot", "funding", "USDT", 1.000001m, null, "soak-7-0"),
            (leg.Kind, leg.Venue, leg.AccountName, leg.Endpoint, leg.From, leg.To, leg.Asset, leg.Amount, leg.ClientTranId, leg.Intent));
        Assert.Equal([new("type", "MAIN_FUNDING"), new("asset", "USDT"), new("amount", "1.000001")], leg.Parameters);
    }

    [Fact]
    public async Task An_htx_intent_journals_one_spot_swap_transfer_of_the_soak_htx_account()
    {
        var intent = SoakRunner.Intents(3, 7)[2];
        var leg = await JournaledAsync(intent);
        Assert.Equal(("HtxSpotSwapTransfer", "htx", "soak-htx", "POST /v2/account/transfer", "htx:spot", "htx:swap", "USDT", 1.000003m),
            (leg.Kind, leg.Venue, leg.AccountName, leg.Endpoint, leg.From, leg.To, leg.Asset, leg.Amount));
        Assert.Equal([new("from", "spot"), new("to", "linear-swap"), new("currency", "usdt"), new("amount", "1.000003"), new("margin-account", "USDT")],
            leg.Parameters);
    }

    public void Dispose()
    {
        _journal.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
