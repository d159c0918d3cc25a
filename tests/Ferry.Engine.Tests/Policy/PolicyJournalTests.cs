using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Policy;

/// <summary>The policy at the journal's door: who asked is stored on every leg, moves count from the journal itself, and
/// the check and the planned write are one transaction, so moves racing from many threads and journals cannot pass a cap.
/// One contract every store keeps (<see cref="SqlitePolicyJournalTests"/>, <see cref="PostgresPolicyJournalTests"/>).</summary>
public abstract class PolicyJournalTests(JournalStore store, int schemaBeforeRequester) : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Cap = """
        default: allow
        rules:
          - name: agent-daily-cap
            match: { requester: agent, asset: USDT }
            limit:
              rolling: { period: 24h, max: 1000 }
            action: block
        """;

    private static LegDescription Leg(decimal amount, Requester? who = null, string to = "funding") =>
        new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer", [new("type", "MAIN_FUNDING"), new("asset", "USDT")],
            "spot", to, "USDT", amount) { Requester = who ?? Requester.Agent("claude") };

    private ITransferJournal Open(string policy = Cap)
    {
        var journal = store.Open(_clock);
        journal.Admission = new PolicyGate(() => PolicyFile.Parse(policy), [], _clock).AdmitAsync;
        return journal;
    }

    [Fact]
    public void Who_asked_is_stored_on_every_leg_and_read_back()
    {
        using var j = store.Open(_clock);
        var worker = Requester.Worker("w1", Requester.Token("ci-bot"));
        var lone = j.PlanAndBeginSending(Leg(5m, worker));
        var route = j.PlanAll([Leg(5m, Requester.Person("alice")) with { RouteId = "R1", RouteLeg = 1 }, Leg(5m, Requester.Person("alice")) with { RouteId = "R1", RouteLeg = 2 }]);
        Assert.Equal(worker, j.Find(lone.Id)!.Leg.Requester);
        Assert.All(j.ForRoute("R1"), e => Assert.Equal(Requester.Person("alice"), e.Leg.Requester));
        Assert.Equal(route[0].Id, j.List(limit: 3).Single(e => e.Leg.RouteLeg == 1).Id);
    }

    [Fact]
    public void A_journal_from_before_requesters_is_migrated_and_its_legs_name_no_requester()
    {
        string id;
        using (var j = store.Open(_clock))
        {
            id = j.Plan(Leg(5m)).Id;
        }
        // Make the store what the schema before requesters wrote (SQLite 5: the work queue; PostgreSQL 1).
        store.Execute("ALTER TABLE legs DROP COLUMN requester; ALTER TABLE work_units DROP COLUMN requester;");
        store.WriteSchemaVersion(schemaBeforeRequester);
        using (var j = Open())
        {
            Assert.Null(j.Find(id)!.Leg.Requester);
            // A leg from before requesters counts as an unnamed person's: not against an agents' cap.
            var written = j.Plan(Leg(1000m));
            Assert.Equal(Requester.Agent("claude"), j.Find(written.Id)!.Leg.Requester);
        }
    }

    [Fact]
    public void A_refused_move_writes_nothing_and_names_the_rule_and_what_is_left()
    {
        using var j = Open();
        j.CompleteSend(j.PlanAndBeginSending(Leg(750m)), LegState.Done, new TransitionDetails { ExchangeId = "1", HistoryId = "1" });
        var e = Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(500m)));
        Assert.Equal("Rule 'agent-daily-cap' blocks this: 24 h of moves of USDT by agents would reach 1,250 of 1,000 (250 left); nothing was sent.", e.Message);
        Assert.Equal("agent-daily-cap", e.Decision.Rule);
        Assert.Throws<PolicyRefusedException>(() => j.PlanAll([Leg(500m) with { RouteId = "R1", RouteLeg = 1 }, Leg(500m) with { RouteId = "R1", RouteLeg = 2 }]));
        Assert.Single(j.List());
        Assert.Empty(j.Claims());
        // A person is not an agent; and 250 more still fits the agents' cap.
        j.PlanAndBeginSending(Leg(500m, Requester.Person("alice")));
        j.PlanAndBeginSending(Leg(250m));
        Assert.Equal(3, j.List().Count);
    }

    [Fact]
    public void Rejected_and_not_executed_legs_free_their_budget_unknown_ones_keep_it_until_resolved()
    {
        using var j = Open();
        var rejected = j.PlanAndBeginSending(Leg(600m));
        j.CompleteSend(rejected, LegState.Rejected, new TransitionDetails { ErrorCode = "-5002" });
        var unknown = j.PlanAndBeginSending(Leg(600m));
        j.CompleteSend(unknown, LegState.Unknown, new TransitionDetails { Message = "timeout" });
        Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(600m)));
        // Resolved as not executed: its budget comes back, and a new attempt of it is judged again.
        j.Transition(unknown.Id, LegState.Unknown, LegState.NotExecuted);
        var other = j.PlanAndBeginSending(Leg(600m));
        var again = Assert.Throws<PolicyRefusedException>(() => j.Transition(unknown.Id, LegState.NotExecuted, LegState.Sending));
        Assert.Equal("agent-daily-cap", again.Decision.Rule);
        Assert.Equal(LegState.NotExecuted, j.Find(unknown.Id)!.State);
        j.CompleteSend(other, LegState.Done, new TransitionDetails { ExchangeId = "1", HistoryId = "1" });
        Assert.Equal(LegState.Done, j.Find(other.Id)!.State);
    }

    [Fact]
    public void A_route_counts_once_toward_its_final_target_and_the_window_rolls()
    {
        const string perWallet = """
            default: allow
            rules:
              - name: per-wallet
                limit:
                  rolling: { period: 24h, max: 100, per-destination: true }
                action: block
            """;
        using var j = Open(perWallet);
        // Three legs of 60 to alice: one move of 60, counted toward alice@example.com/usdm (its last leg's target).
        j.PlanAll([Leg(60m, to: "alice@example.com/spot") with { RouteId = "R1", RouteLeg = 1 },
                   Leg(60m, to: "alice@example.com/spot") with { RouteId = "R1", RouteLeg = 2 },
                   Leg(60m, to: "alice@example.com/usdm") with { RouteId = "R1", RouteLeg = 3 }]);
        j.Plan(Leg(100m, to: "alice@example.com/spot"));
        var e = Assert.Throws<PolicyRefusedException>(() => j.Plan(Leg(41m, to: "alice@example.com/usdm")));
        Assert.Contains("would reach 101 of 100 (40 left)", e.Message, StringComparison.Ordinal);
        // A route's rejected first leg planned again is a new start of the same move, judged toward the route's target.
        Assert.Throws<PolicyRefusedException>(() => j.Plan(Leg(41m, to: "alice@example.com/spot") with { RouteId = "R1", RouteLeg = 1 }));
        _clock.Advance(TimeSpan.FromHours(24));
        j.Plan(Leg(41m, to: "alice@example.com/usdm"));
    }

    [Fact]
    public async Task Fifty_moves_racing_from_many_threads_and_five_journals_never_pass_one_cap()
    {
        const decimal amount = 30m;
        var journals = Enumerable.Range(0, 5).Select(_ => Open()).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            {
                await start.Task;
                var journal = journals[i % journals.Count];
                try
                {
                    // Awaited: fifty racers blocking pool threads on a PostgreSQL journal would starve the very threads its
                    // answers need.
                    var sending = await journal.PlanAndBeginSendingAsync(Leg(amount, Requester.Agent($"agent-{i % 3}")));
                    await journal.CompleteSendAsync(sending, LegState.Done, new TransitionDetails { ExchangeId = $"{i}", HistoryId = $"{i}" });
                    return (Sent: true, Refusal: (string?)null);
                }
                catch (PolicyRefusedException e)
                {
                    return (Sent: false, Refusal: e.Message);
                }
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(racers);

            var sent = results.Count(r => r.Sent);
            Assert.True(sent * amount <= 1000m, $"{sent} moves of {amount} passed a cap of 1000");
            Assert.Equal(33, sent); // every move that fits is let through: 33 × 30 = 990
            Assert.All(results.Where(r => !r.Sent), r => Assert.StartsWith("Rule 'agent-daily-cap' blocks this: 24 h of moves of USDT by agents would reach 1,020 of 1,000 (10 left)", r.Refusal, StringComparison.Ordinal));
            Assert.Equal(990m, journals[0].List([LegState.Done]).Sum(e => e.Leg.Amount));
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }
}
