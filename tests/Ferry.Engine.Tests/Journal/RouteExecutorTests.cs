using Ferry.Engine.Execution;
using Ferry.Engine.Addresses;
using Ferry.Engine.History;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>The sequential route runner over a real journal, with a scripted sender and reconciler, in every store
/// (<see cref="SqliteRouteExecutorTests"/>, <see cref="PostgresRouteExecutorTests"/>).</summary>
public abstract class RouteExecutorTests(JournalStore store) : IDisposable
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TransferLeg> _sent = [];

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>alice's coinm → bob's isolated margin with only the two sub-account keys: three legs.</summary>
    private static TransferPlan ThreeLegs()
    {
        var alice = new RoutingAccount("alice", Alice, MasterEmail: Master);
        var bob = new RoutingAccount("bob", Bob, MasterEmail: Master);
        var plan = TransferRouter.Plan(new TransferRequest(25m, "USDT", WalletAddress.Parse("coinm"), WalletAddress.Parse($"{Bob}/isolated:BTCUSDT")), alice, [alice, bob]);
        Assert.Equal(3, plan.Legs.Count);
        return plan;
    }

    private RouteExecutor.LegSender Sender(params OutcomeKind[] answers)
    {
        var queue = new Queue<OutcomeKind>(answers);
        return (leg, ct) =>
        {
            _sent.Add(leg);
            var kind = queue.Dequeue();
            return Task.FromResult(kind switch
            {
                OutcomeKind.Done => new LegSendResult(kind, $"{_sent.Count}00", $"{_sent.Count}00", null, "done"),
                OutcomeKind.Rejected => new LegSendResult(kind, null, null, "-9000", "the target wallet is not enabled"),
                _ => new LegSendResult(kind, null, null, null, "timeout after the request was written"),
            });
        };
    }

    private JournalReconciler Reconciler(ITransferJournal j, Func<JournalEntry, LegEvidence> evidence) =>
        new(j, _ => new Scripted(evidence), _clock, new ReconcileOptions { Delay = (pause, _) => { _clock.Advance(pause); return Task.CompletedTask; } });

    private sealed class Scripted(Func<JournalEntry, LegEvidence> evidence) : ILegReconciler
    {
        public TimeSpan RequestValidity => TimeSpan.Zero;

        public Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
            Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(evidence(entry)));
    }

    [Fact]
    public async Task Every_leg_is_journaled_first_and_a_complete_route_sends_each_once_in_order()
    {
        using var j = store.Open(_clock);
        var plan = ThreeLegs();
        var result = await RouteExecutor.ExecuteAsync(j, plan, Sender(OutcomeKind.Done, OutcomeKind.Done, OutcomeKind.Done),
            Reconciler(j, _ => new CannotTell("unused")), CancellationToken.None, _clock);

        Assert.Equal(RouteStatus.Complete, result.Status);
        Assert.Equal($"{Bob}/isolated:BTCUSDT", result.Holding);
        Assert.Equal(plan.Legs.Select(l => l.Summary), _sent.Select(l => l.Summary));
        Assert.Equal([1, 2, 3], j.ForRoute(result.RouteId).Select(e => e.Leg.RouteLeg!.Value));
        Assert.All(result.Legs, l => Assert.Equal(LegState.Done, l.Entry.State));
        Assert.Equal(result.RouteId, await RouteExecutor.FindRouteAsync(j, result.Legs[1].Entry.Id));
    }

    [Fact]
    public async Task A_rejected_middle_leg_stops_the_route_in_the_named_wallet_and_a_resume_sends_only_what_is_left()
    {
        using var j = store.Open(_clock);
        var first = await RouteExecutor.ExecuteAsync(j, ThreeLegs(), Sender(OutcomeKind.Done, OutcomeKind.Rejected),
            Reconciler(j, _ => new CannotTell("unused")), CancellationToken.None, _clock);

        Assert.Equal((RouteStatus.Stopped, 2, $"{Alice}/spot"), (first.Status, first.StoppedAt, first.Holding));
        Assert.Contains($"ferry journal resume {first.RouteId}", first.Message);
        Assert.Contains($"the money now sits in {Alice}/spot", first.Message);
        Assert.Equal(LegState.Planned, first.Legs[2].Entry.State);
        Assert.Equal(2, _sent.Count);

        var resumed = await RouteExecutor.RunAsync(j, first.RouteId, Sender(OutcomeKind.Done, OutcomeKind.Done),
            Reconciler(j, _ => new CannotTell("unused")), CancellationToken.None);
        Assert.Equal(RouteStatus.Complete, resumed.Status);
        Assert.Equal(["CMFUTURE_MAIN", "sub-account to sub-account", "sub-account to sub-account", "MAIN_ISOLATED_MARGIN"], _sent.Select(l => l.Summary));
        var entries = j.ForRoute(first.RouteId);
        Assert.Equal(4, entries.Count);
        Assert.Equal([LegState.Rejected, LegState.Done], entries.Where(e => e.Leg.RouteLeg == 2).Select(e => e.State));
    }

    [Fact]
    public async Task An_unknown_leg_is_reconciled_before_anything_else_and_a_leg_that_stays_unknown_stops_the_route()
    {
        using var j = store.Open(_clock);
        var first = await RouteExecutor.ExecuteAsync(j, ThreeLegs(), Sender(OutcomeKind.Done, OutcomeKind.Unknown),
            Reconciler(j, _ => new CannotTell("unused")), CancellationToken.None, _clock);
        Assert.Equal((RouteStatus.Unknown, $"{Alice}/spot or {Bob}/spot"), (first.Status, first.Holding));

        // Reconciliation cannot tell: nothing more is sent.
        var stays = await RouteExecutor.RunAsync(j, first.RouteId, Sender(),
            Reconciler(j, _ => new CannotTell("no history says")), CancellationToken.None);
        Assert.Equal(RouteStatus.Unknown, stays.Status);
        Assert.Equal(2, _sent.Count);

        // The history shows the leg executed: it becomes done and only the last leg is sent.
        var row = new TransferHistoryEntry("sub-account user", 777, _clock.GetUtcNow(), "OUT", "USDT", 25m, "SUCCESS");
        var resumed = await RouteExecutor.RunAsync(j, first.RouteId, Sender(OutcomeKind.Done),
            Reconciler(j, _ => new HistoryCandidates([row])), CancellationToken.None);
        Assert.Equal(RouteStatus.Complete, resumed.Status);
        Assert.Equal(3, _sent.Count);
        Assert.Equal("777", resumed.Legs[1].Entry.HistoryId);
    }

    [Fact]
    public async Task An_unknown_answer_the_history_proves_done_lets_the_same_run_continue()
    {
        using var j = store.Open(_clock);
        var row = new TransferHistoryEntry("wallet", 4242, _clock.GetUtcNow(), "CMFUTURE_MAIN", "USDT", 25m, "CONFIRMED");
        var result = await RouteExecutor.ExecuteAsync(j, ThreeLegs(), Sender(OutcomeKind.Unknown, OutcomeKind.Done, OutcomeKind.Done),
            Reconciler(j, e => e.Leg.RouteLeg == 1 ? new HistoryCandidates([row]) : new CannotTell("unused")), CancellationToken.None, _clock);
        Assert.Equal(RouteStatus.Complete, result.Status);
        Assert.Equal(("4242", 1), (result.Legs[0].Entry.HistoryId, result.Legs[0].Entry.Attempt));
        Assert.Equal(3, _sent.Count);
    }

    [Fact]
    public async Task A_leg_the_history_says_did_not_execute_is_resent_as_its_next_attempt()
    {
        using var j = store.Open(_clock);
        var first = await RouteExecutor.ExecuteAsync(j, ThreeLegs(), Sender(OutcomeKind.Unknown),
            Reconciler(j, _ => new CannotTell("unused")), CancellationToken.None, _clock);
        Assert.Equal((RouteStatus.Unknown, 1), (first.Status, first.StoppedAt));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var resumed = await RouteExecutor.RunAsync(j, first.RouteId, Sender(OutcomeKind.Done, OutcomeKind.Done, OutcomeKind.Done),
            Reconciler(j, _ => new HistoryCandidates([])), CancellationToken.None);
        Assert.Equal(RouteStatus.Complete, resumed.Status);
        Assert.Equal(2, resumed.Legs[0].Entry.Attempt);
        Assert.Equal(3, j.ForRoute(first.RouteId).Count);
    }

    [Fact]
    public void Every_route_leg_kind_rebuilds_from_its_journal_description_with_the_same_parameters()
    {
        var master = new RoutingAccount("main", Master, SubAccounts: [Alice, Bob]);
        var alice = new RoutingAccount("alice", Alice, MasterEmail: Master);
        var bob = new RoutingAccount("bob", Bob, MasterEmail: Master);
        var plans = new[]
        {
            TransferRouter.Plan(new(3m, "USDT", WalletAddress.Parse($"{Alice}/coinm"), WalletAddress.Parse($"{Bob}/isolated:ETHUSDT")), master, [master]),
            TransferRouter.Plan(new(3m, "USDT", WalletAddress.Parse("margin"), WalletAddress.Parse($"{Alice}/usdm")), master, [master]),
            TransferRouter.Plan(new(3m, "USDT", WalletAddress.Parse($"{Alice}/usdm"), WalletAddress.Parse($"{Alice}/margin")), master, [master]),
            TransferRouter.Plan(new(3m, "USDT", WalletAddress.Parse("usdm"), WalletAddress.Parse($"{Master}/spot")), alice, [alice]),
            TransferRouter.Plan(new(3m, "USDT", WalletAddress.Parse("isolated:BTCUSDT"), WalletAddress.Parse($"{Bob}/funding")), alice, [alice, bob]),
        };
        var legs = plans.SelectMany(p => p.Legs).ToList();
        Assert.Equal(7, legs.Select(l => l.Kind).Distinct().Count());
        foreach (var leg in legs)
            Assert.Equal(leg, TransferLegRebuild.From(leg.Describe()), new LegComparer());
    }

    private sealed class LegComparer : IEqualityComparer<TransferLeg>
    {
        public bool Equals(TransferLeg? a, TransferLeg? b) => a!.GetType() == b!.GetType() && a.AccountName == b.AccountName
            && a.From == b.From && a.To == b.To && a.Parameters.SequenceEqual(b.Parameters) && a.ClientTranId == b.ClientTranId;

        public int GetHashCode(TransferLeg leg) => leg.Kind.GetHashCode();
    }
}
