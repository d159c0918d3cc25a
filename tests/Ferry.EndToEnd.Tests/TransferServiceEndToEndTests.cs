using Ferry.Engine.Execution;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Balances;
using Ferry.Engine.History;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Htx;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The engine's one door as a new front end uses it: accounts, a journal and a connector in, typed results out. Binance
/// and HTX moves go through the same methods; every leg is journaled before it is sent.
/// </summary>
public sealed class TransferServiceEndToEndTests : IAsyncLifetime
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ferry-service-" + Guid.NewGuid().ToString("N"));
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private TransferService Service()
    {
        var binance = new AccountDefinition("main", Venue.Binance, AccountEnvironment.Sim, _host.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), Master,
            SubAccounts: [Alice]);
        var htx = new AccountDefinition("htx", Venue.Htx, AccountEnvironment.Sim, _host.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoHtxAccessKey, new SecretText(ScenarioDocument.DemoHtxSecretKey), SigningKind.Hmac), Master);
        return new TransferService(new TransferServiceOptions
        {
            Accounts = [binance, htx],
            OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(Path.Combine(_folder, "journal.db"))),
            Venues = new LoopbackVenueConnector(),
        });
    }

    private static TransferRequest Move(decimal amount, string from, string to) => new(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to));

    [Fact]
    public async Task Binance_and_HTX_moves_go_through_the_same_methods_and_are_journaled_done()
    {
        await using var service = Service();
        var spotBefore = Spot(Master, "SPOT");

        var binance = await service.PlanAsync(Move(5m, "spot", "usdm"), "main", CancellationToken.None);
        var htx = await service.PlanAsync(Move(3m, "htx:spot", "htx:swap"), "htx", CancellationToken.None);
        Assert.IsType<WalletTransferLeg>(Assert.Single(binance.Legs));
        Assert.IsType<HtxTransferPlan>(Assert.Single(htx.Legs));

        foreach (var proposal in new[] { binance, htx })
        {
            var run = await service.ExecuteAsync(proposal, CancellationToken.None);
            Assert.Equal(OutcomeKind.Done, run.LastSend!.Kind);
            Assert.Equal(LegState.Done, run.Entry!.State);
            Assert.NotNull(run.Entry.ExchangeId);
        }
        Assert.Equal(spotBefore - 5m, Spot(Master, "SPOT"));
        var entries = await service.ListAsync();
        Assert.Equal(["htx", "binance"], entries.Select(e => e.Leg.Venue));
        Assert.All(entries, e => Assert.Equal(LegState.Done, e.State));
    }

    [Fact]
    public async Task A_not_executed_entry_is_sent_again_under_the_clientTranId_it_records_not_a_fresh_plans()
    {
        await using var service = Service();
        // One process planned and journaled the move, and its attempt was proved not executed; another (a worker taking
        // the unit over) plans the same move afresh, with a new clientTranId.
        var first = await service.PlanAsync(Move(1.25m, "spot", $"{Alice}/spot"), "main", CancellationToken.None);
        var recorded = Assert.IsType<SubAccountUniversalTransferLeg>(Assert.Single(first.Legs)).ClientTranId!;
        var journal = await service.JournalAsync(CancellationToken.None);
        var entry = await journal.PlanAsync(first.Legs[0].Describe("unit-1"));
        await journal.TransitionAsync(entry.Id, LegState.Planned, LegState.Sending);
        await journal.TransitionAsync(entry.Id, LegState.Sending, LegState.Unknown, new TransitionDetails { Message = "HTTP 500" });
        await journal.TransitionAsync(entry.Id, LegState.Unknown, LegState.NotExecuted, new TransitionDetails { Message = "not listed" });
        var again = await service.PlanAsync(Move(1.25m, "spot", $"{Alice}/spot"), "main", CancellationToken.None);
        Assert.NotEqual(recorded, Assert.IsType<SubAccountUniversalTransferLeg>(Assert.Single(again.Legs)).ClientTranId);

        await service.MoveOnceAsync("unit-1", again, CancellationToken.None);

        var done = Assert.Single(await journal.ForIntentAsync("unit-1"));
        Assert.Equal((LegState.Done, 2), (done.State, done.Attempt));
        var move = Assert.Single(_host.History(), m => m.Amount == 1.25m);
        Assert.Equal(recorded, move.ClientId);
        Assert.Equal(done.ExchangeId, move.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_not_executed_entry_whose_request_differs_from_the_plan_now_is_refused_and_nothing_is_sent()
    {
        await using var service = Service();
        var first = await service.PlanAsync(Move(1.5m, "spot", "funding"), "main", CancellationToken.None);
        var journal = await service.JournalAsync(CancellationToken.None);
        var entry = await journal.PlanAsync(first.Legs[0].Describe("unit-2"));
        await journal.TransitionAsync(entry.Id, LegState.Planned, LegState.Sending);
        await journal.TransitionAsync(entry.Id, LegState.Sending, LegState.Unknown, new TransitionDetails { Message = "HTTP 500" });
        await journal.TransitionAsync(entry.Id, LegState.Unknown, LegState.NotExecuted, new TransitionDetails { Message = "not listed" });
        // The same intent now plans another request (e.g. the accounts changed between two attempts).
        var other = await service.PlanAsync(Move(1.5m, "spot", "usdm"), "main", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TransferRefusedException>(() => service.MoveOnceAsync("unit-2", other, CancellationToken.None));

        Assert.StartsWith($"Journal entry {entry.Id} did not execute and records a request other than the one planned now (POST /sapi/v1/asset/transfer on account 'main' with type=MAIN_FUNDING&", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.History(), m => m.Amount == 1.5m);
        Assert.Equal(LegState.NotExecuted, Assert.Single(await journal.ForIntentAsync("unit-2")).State);
    }

    [Fact]
    public async Task A_route_runs_leg_after_leg_under_one_route_id_and_is_found_again_by_any_leg()
    {
        await using var service = Service();
        var proposal = await service.PlanAsync(Move(2m, $"{Alice}/spot", "funding"), "main", CancellationToken.None);
        Assert.True(proposal.IsRoute);

        var run = await service.ExecuteAsync(proposal, CancellationToken.None);

        var route = run.Route!;
        Assert.Equal(RouteStatus.Complete, route.Status);
        Assert.Equal(proposal.Legs.Count, route.Legs.Count);
        Assert.All(route.Legs, l => Assert.Equal(LegState.Done, l.Entry.State));
        Assert.Equal(route.RouteId, service.FindRoute(route.Legs[^1].Entry.Id));
        Assert.Equal(route.RouteId, service.FindRoute("latest"));
    }

    [Fact]
    public async Task Balances_and_history_are_read_through_the_same_door()
    {
        await using var service = Service();
        var before = await service.HtxBalancesAsync(service.Account(Venue.Htx, "htx"), CancellationToken.None);
        var htxSpot = Assert.IsType<Done<IReadOnlyList<WalletBalance>>>(before.Outcome).Value.Single(b => b.Wallet == "htx:spot" && b.Asset == "USDT");
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        await service.ExecuteAsync(await service.PlanAsync(Move(4m, "htx:spot", "htx:swap"), "htx", CancellationToken.None), CancellationToken.None);
        var move = await service.ExecuteAsync(await service.PlanAsync(Move(6m, "spot", "funding"), "main", CancellationToken.None), CancellationToken.None);

        var after = Assert.IsType<Done<IReadOnlyList<WalletBalance>>>((await service.HtxBalancesAsync(service.Account(Venue.Htx, "htx"), CancellationToken.None)).Outcome).Value;
        Assert.Equal(htxSpot.Amount - 4m, after.Single(b => b.Wallet == "htx:spot" && b.Asset == "USDT").Amount);
        var end = DateTimeOffset.UtcNow.AddMinutes(1);
        var history = await service.HistoryAsync(service.Account(Venue.Binance, "main"),
            new WalletHistoryQuery(UniversalHistorySelection.AllTypes(null, null), start, end), CancellationToken.None);
        var rows = Assert.IsType<Done<IReadOnlyList<TransferHistoryEntry>>>(history).Value;
        Assert.Contains(rows, r => r.Amount == 6m && r.TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture) == move.Entry!.ExchangeId);
        var ledger = Assert.IsType<Done<IReadOnlyList<TransferHistoryEntry>>>(
            await service.HistoryAsync(service.Account(Venue.Htx, "htx"), new HtxLedgerQuery("usdt", start, end), CancellationToken.None)).Value;
        Assert.Contains(ledger, r => r.Amount == 4m && r.Type == "spot-to-linear-swap");
    }

    [Fact]
    public async Task A_bad_request_is_refused_while_planning_and_writes_no_journal()
    {
        await using var service = Service();
        await Assert.ThrowsAsync<TransferPlanningException>(() => service.PlanAsync(Move(1m, "spot", "htx:swap"), "main", CancellationToken.None));
        await Assert.ThrowsAsync<TransferPlanningException>(() => service.PlanAsync(Move(1m, "spot", "spot"), "main", CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(_folder, "journal.db")));
    }

    private decimal Spot(string owner, string wallet) =>
        _host.Balances().Where(b => string.Equals(b.Owner, owner, StringComparison.OrdinalIgnoreCase) && b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);
}
