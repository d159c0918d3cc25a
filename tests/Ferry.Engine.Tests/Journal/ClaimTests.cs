using Ferry.Engine.Execution;
using System.Diagnostics;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// Several owners on one journal file, as several ferry processes are: claims with leases and fencing tokens, recovery
/// that leaves a live owner's work alone, one live entry per route position, and concurrent schema creation. Each
/// journal opened here is its own owner (its own instance id), exactly as another process would be. One contract every
/// store keeps (<see cref="SqliteClaimTests"/>, <see cref="PostgresClaimTests"/>).
/// </summary>
public abstract class ClaimTests(JournalStore store) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly JournalClaimOptions ShortLease = new() { Lease = TimeSpan.FromSeconds(30) };

    private readonly FakeTimeProvider _clockA = new(Start);
    private readonly FakeTimeProvider _clockB = new(Start);

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static LegDescription Leg(decimal amount = 10m) => new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer",
        [new("type", "MAIN_FUNDING"), new("asset", "USDT"), new("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        "spot", "funding", "USDT", amount);

    [Fact]
    public async Task A_live_claim_is_refused_to_another_owner_and_names_who_holds_it()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);

        var mine = a.Claim("route:R1");
        var theirs = b.Claim("route:R1");

        Assert.True(mine.Succeeded);
        Assert.False(theirs.Succeeded);
        Assert.Equal(a.Owner.InstanceId, theirs.HeldByOther!.Owner.InstanceId);
        var refused = await Assert.ThrowsAsync<ClaimHeldException>(async () => await ClaimScope.TakeAsync(b, "route:R1"));
        Assert.Equal($"Route R1 is being worked on by another ferry (pid {Environment.ProcessId} on {Environment.MachineName}); nothing was sent.", refused.Message);
    }

    [Fact]
    public async Task A_claim_is_reentrant_for_its_owner_and_handed_back_on_the_last_release()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);

        await using (await ClaimScope.TakeAsync(a, "route:R1"))
        {
            await using (await ClaimScope.TakeAsync(a, "route:R1")) { }
            Assert.False(b.Claim("route:R1").Succeeded); // the inner release did not hand it back
        }
        Assert.True(b.Claim("route:R1").Succeeded);
        Assert.Null(a.FindClaim("route:R2"));
    }

    [Fact]
    public void An_expired_lease_is_taken_over_with_a_larger_token_and_the_old_owner_can_no_longer_write()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        var entry = a.Plan(Leg());
        var subject = ClaimSubjects.Of(entry);
        var first = a.Claim(subject).Claimed!;
        a.Transition(entry.Id, LegState.Planned, LegState.Sending);

        // a stops renewing (paused); b's clock passes a's lease.
        _clockB.Advance(TimeSpan.FromSeconds(31));
        var taken = b.Claim(subject).Claimed!;

        Assert.True(taken.Token > first.Token);
        Assert.Throws<ClaimLostException>(() => a.Transition(entry.Id, LegState.Sending, LegState.Done, new TransitionDetails { ExchangeId = "1" }));
        Assert.Throws<ClaimLostException>(() => a.Note(entry.Id, "late"));
        Assert.Throws<ClaimLostException>(() => a.Claim(subject));
        Assert.Equal(LegState.Sending, b.Find(entry.Id)!.State);
        // The new owner writes as usual.
        b.Transition(entry.Id, LegState.Sending, LegState.Unknown);
        Assert.Equal(LegState.Unknown, a.Find(entry.Id)!.State);
    }

    [Fact]
    public async Task A_stale_owner_stays_refused_even_after_the_new_owner_handed_the_claim_back()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        var entry = a.Plan(Leg());
        var subject = ClaimSubjects.Of(entry);
        a.Claim(subject);
        a.Transition(entry.Id, LegState.Planned, LegState.Sending);
        _clockB.Advance(TimeSpan.FromSeconds(31));
        await using (await ClaimScope.TakeAsync(b, subject)) await b.TransitionAsync(entry.Id, LegState.Sending, LegState.Unknown);

        // No claim row exists now, but a's write still presents the token it lost.
        await Assert.ThrowsAsync<ClaimLostException>(async () => await a.TransitionAsync(entry.Id, LegState.Unknown, LegState.NotExecuted));
    }

    [Fact]
    public void A_renewed_lease_is_not_taken_over()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        a.Claim("intent:x");
        // a renews as its timer would (re-entering renews too), then b's clock passes the original lease only.
        _clockA.Advance(TimeSpan.FromSeconds(20));
        Assert.True(a.Claim("intent:x").Succeeded);
        a.Release("intent:x");
        _clockB.Advance(TimeSpan.FromSeconds(31));
        Assert.False(b.Claim("intent:x").Succeeded);
    }

    [Fact]
    public void The_renewal_timer_keeps_a_held_lease_alive()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        a.Claim("intent:x");
        // The fake clock fires a's renewal timer (every third of the lease) as it passes; a does nothing else. A renewal on
        // a database server is still in flight when Advance returns; a's read below queues behind it on a's connection, so
        // b looks only once it has committed.
        _clockA.Advance(TimeSpan.FromSeconds(20));
        Assert.Single(a.Claims());
        _clockB.Advance(TimeSpan.FromSeconds(31));
        Assert.False(b.Claim("intent:x").Succeeded);
    }

    [Fact]
    public void Re_entering_a_claim_renews_its_lease_before_the_timer_does()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        a.Claim("intent:x");
        _clockA.Advance(TimeSpan.FromSeconds(9)); // the first timer renewal is due at 10 s
        Assert.True(a.Claim("intent:x").Succeeded);
        _clockB.Advance(TimeSpan.FromSeconds(31));
        Assert.False(b.Claim("intent:x").Succeeded);
    }

    [Fact]
    public async Task A_claim_of_a_process_that_is_gone_is_taken_at_once_without_waiting_for_its_lease()
    {
        using var dead = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await dead.WaitForExitAsync();
        var ghost = new JournalOwner("0123456789abcdef", dead.Id, Environment.MachineName, 1);
        using var b = store.Open(_clockB, ShortLease);
        LeaveClaim("route:R9", ghost);
        Assert.Equal(ghost.InstanceId, b.FindClaim("route:R9")!.Owner.InstanceId);
        Assert.True(ProcessLiveness.IsProvablyGone(ghost));
        Assert.True(b.Claim("route:R9").Succeeded);
    }

    [Fact]
    public void The_owner_of_another_host_or_of_this_live_process_is_never_called_gone()
    {
        Assert.False(ProcessLiveness.IsProvablyGone(new JournalOwner("a", 999_999, "some-other-host", 1)));
        Assert.False(ProcessLiveness.IsProvablyGone(JournalOwner.ForThisProcess()));
    }

    [Fact]
    public async Task Recovery_leaves_a_live_owners_in_flight_entry_alone_and_settles_it_once_the_owner_is_done()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        var release = new TaskCompletionSource<LegSendResult>();
        var sending = a.Plan(Leg());
        // The send starts only after 'sending' and the claim are written (awaited: a PostgreSQL journal writes asynchronously).
        var sendStarted = new TaskCompletionSource();
        var inFlight = JournaledExecutor.SendPlannedAsync(a, sending.Id, _ => { sendStarted.TrySetResult(); return release.Task; }, CancellationToken.None);
        await sendStarted.Task;

        var reads = 0;
        var reconciler = new JournalReconciler(b, _ => new Evidence(() => { reads++; return new FoundByClientId("77"); }), _clockB);
        var results = await reconciler.ReconcileAllAsync(CancellationToken.None);

        var left = Assert.Single(results);
        Assert.Equal(LegState.Sending, left.State);
        Assert.Equal(a.Owner.InstanceId, left.HeldBy!.Owner.InstanceId);
        Assert.Equal(0, reads);
        Assert.Contains("left to another ferry", left.Reason);

        release.SetResult(new LegSendResult(OutcomeKind.Done, "77", "77", null, "done"));
        var (entry, _) = await inFlight;
        Assert.Equal(LegState.Done, entry.State);
        Assert.Empty(await reconciler.ReconcileAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_crashed_owners_sending_entry_is_reconciled_by_the_next_process()
    {
        var ghost = new JournalOwner("fedcba9876543210", 999_999, Environment.MachineName, 1);
        using var b = store.Open(_clockB, ShortLease);
        var id = b.Plan(Leg()).Id;
        b.Transition(id, LegState.Planned, LegState.Sending);
        LeaveClaim(ClaimSubjects.Of(b.Find(id)!), ghost);
        var result = Assert.Single(await new JournalReconciler(b, _ => new Evidence(() => new FoundByClientId("55")), _clockB)
            .ReconcileAllAsync(CancellationToken.None));
        Assert.Equal((LegState.Done, "55"), (result.State, result.Entry.HistoryId));
        Assert.Null(b.FindClaim(ClaimSubjects.Of(result.Entry)));
    }

    [Fact]
    public async Task A_lone_legs_in_flight_send_is_left_to_its_live_owner_and_its_claim_goes_with_the_answer()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        var release = new TaskCompletionSource<LegSendResult>();
        var sendStarted = new TaskCompletionSource();
        var inFlight = JournaledExecutor.ExecuteAsync(a, Leg(), _ => { sendStarted.TrySetResult(); return release.Task; }, CancellationToken.None);
        await sendStarted.Task;

        var reads = 0;
        var reconciler = new JournalReconciler(b, _ => new Evidence(() => { reads++; return new FoundByClientId("77"); }), _clockB);
        var left = Assert.Single(await reconciler.ReconcileAllAsync(CancellationToken.None));
        Assert.Equal((LegState.Sending, a.Owner.InstanceId, 0), (left.State, left.HeldBy!.Owner.InstanceId, reads));

        release.SetResult(new LegSendResult(OutcomeKind.Done, "77", "77", null, "done"));
        var (entry, _) = await inFlight;
        Assert.Equal(LegState.Done, entry.State);
        Assert.Empty(a.Claims());
        Assert.Empty(await reconciler.ReconcileAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_lone_leg_whose_owner_died_mid_send_is_reconciled_by_the_next_process()
    {
        var ghost = new JournalOwner("fedcba9876543210", 999_999, Environment.MachineName, 1);
        using var dead = store.Open(_clockA, new JournalClaimOptions { Lease = ShortLease.Lease, Owner = ghost });
        using var b = store.Open(_clockB, ShortLease);
        // The owner wrote sending and its claim, then died before the answer (its send never returns).
        var sendStarted = new TaskCompletionSource();
        _ = JournaledExecutor.ExecuteAsync(dead, Leg(), _ => { sendStarted.TrySetResult(); return new TaskCompletionSource<LegSendResult>().Task; }, CancellationToken.None);
        await sendStarted.Task;
        Assert.Equal(ghost.InstanceId, Assert.Single(b.Claims()).Owner.InstanceId);

        var result = Assert.Single(await new JournalReconciler(b, _ => new Evidence(() => new FoundByClientId("55")), _clockB)
            .ReconcileAllAsync(CancellationToken.None));
        Assert.Equal((LegState.Done, "55"), (result.State, result.Entry.HistoryId));
        Assert.Empty(b.Claims());
    }

    [Fact]
    public void The_schema_allows_one_live_entry_per_route_position()
    {
        using var j = store.Open(_clockA, ShortLease);
        var leg = Leg() with { RouteId = "R1", RouteLeg = 2 };
        var first = j.Plan(leg);

        var taken = Assert.Throws<RoutePositionTakenException>(() => j.Plan(leg));
        Assert.Equal(("R1", 2), (taken.RouteId, taken.Position));

        // Once the live one is rejected, a new entry may take the position.
        j.Transition(first.Id, LegState.Planned, LegState.Sending);
        j.Transition(first.Id, LegState.Sending, LegState.Rejected, new TransitionDetails { ErrorCode = "-1" });
        Assert.Equal(LegState.Planned, j.Plan(leg).State);
        Assert.Throws<RoutePositionTakenException>(() => j.Plan(leg));
    }

    [Fact]
    public void A_routes_legs_are_written_whole_or_not_at_all()
    {
        // A soak run with kills found a route cut short: the process died between writing its first and second leg, and
        // the one-leg route then looked complete. The legs are now one transaction.
        using var j = store.Open(_clockA, ShortLease);
        var first = Leg() with { RouteId = "R7", RouteLeg = 1 };
        Assert.Throws<RoutePositionTakenException>(() => j.PlanAll([first, Leg(20m) with { RouteId = "R8", RouteLeg = 1 }, first]));
        Assert.Empty(j.ForRoute("R7"));
        Assert.Empty(j.ForRoute("R8"));

        var written = j.PlanAll([first, first with { RouteLeg = 2 }]);
        Assert.Equal([1, 2], j.ForRoute("R7").Select(e => e.Leg.RouteLeg!.Value));
        Assert.Equal(written.Select(e => e.Id), j.ForRoute("R7").Select(e => e.Id));
    }

    [Fact]
    public async Task Two_resumes_of_one_route_at_once_send_its_rejected_leg_once_and_the_second_is_told_who_holds_it()
    {
        using var a = store.Open(_clockA, ShortLease);
        using var b = store.Open(_clockB, ShortLease);
        var routeId = await RouteExecutor.JournalAsync(a, TwoLegs(), _clockA);
        var legs = await RouteExecutor.LegsAsync(a, routeId);
        Settle(a, legs[0].Entry.Id, LegState.Done);
        Settle(a, legs[1].Entry.Id, LegState.Rejected);

        var sends = 0;
        var inside = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        RouteExecutor.LegSender slow = async (_, _) =>
        {
            Interlocked.Increment(ref sends);
            inside.TrySetResult();
            await finish.Task;
            return new LegSendResult(OutcomeKind.Done, "900", "900", null, "done");
        };
        var first = RouteExecutor.RunAsync(a, routeId, slow, Unused(a), CancellationToken.None);
        await inside.Task;

        var second = await Assert.ThrowsAsync<ClaimHeldException>(() =>
            RouteExecutor.RunAsync(b, routeId, (_, _) => throw new InvalidOperationException("must not send"), Unused(b), CancellationToken.None));
        Assert.Contains($"Route {routeId} is being worked on by another ferry (pid {Environment.ProcessId}", second.Message);

        finish.SetResult();
        Assert.Equal(RouteStatus.Complete, (await first).Status);
        Assert.Equal(1, sends);
        Assert.Single(a.ForRoute(routeId), e => e.Leg.RouteLeg == 2 && e.State == LegState.Done);
    }

    [Fact]
    public async Task Many_owners_resuming_one_route_in_parallel_send_each_leg_exactly_once()
    {
        var journals = Enumerable.Range(0, 6).Select(_ => store.Open(new FakeTimeProvider(Start), ShortLease)).ToList();
        try
        {
            var routeId = await RouteExecutor.JournalAsync(journals[0], TwoLegs(), _clockA);
            var sends = 0;
            RouteExecutor.LegSender send = async (_, _) =>
            {
                var n = Interlocked.Increment(ref sends);
                await Task.Yield();
                return new LegSendResult(OutcomeKind.Done, $"{n}", $"{n}", null, "done");
            };
            var runs = journals.Select(j => Task.Run(async () =>
            {
                try
                {
                    return (await RouteExecutor.RunAsync(j, routeId, send, Unused(j), CancellationToken.None)).Status.ToString();
                }
                catch (ClaimHeldException)
                {
                    return "held";
                }
            })).ToList();
            var outcomes = await Task.WhenAll(runs);

            Assert.Equal(2, sends);
            Assert.Contains("Complete", outcomes);
            Assert.All(outcomes, o => Assert.True(o is "Complete" or "held", o));
            Assert.All(journals[0].ForRoute(routeId), e => Assert.Equal(LegState.Done, e.State));
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    [Fact]
    public async Task Several_processes_creating_one_new_journal_at_once_all_open_it()
    {
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.Open(new FakeTimeProvider(Start)))).ToList();
        var journals = await Task.WhenAll(opens);
        try
        {
            journals[3].Plan(Leg());
            Assert.All(journals, j => Assert.Single(j.List()));
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    [Fact]
    public void A_row_in_an_unknown_state_makes_every_open_refuse_the_journal()
    {
        using (var j = store.Open(_clockA)) j.Plan(Leg());
        store.Execute("UPDATE legs SET state = 'sent-twice';");
        var e = Assert.Throws<JournalCorruptException>(() => store.Open(_clockA));
        Assert.Contains("holds an unknown state 'sent-twice'", e.Message);
    }

    [Fact]
    public async Task Waiting_out_history_lag_is_said_with_what_it_waits_for_and_until_when()
    {
        using var j = store.Open(_clockA);
        var e = j.Plan(Leg());
        j.Transition(e.Id, LegState.Planned, LegState.Sending);
        j.Transition(e.Id, LegState.Sending, LegState.Unknown);
        var waits = new List<ReconcileWait>();
        var reconciler = new JournalReconciler(j, _ => new Evidence(() => new FoundByClientId(null)), _clockA,
            new ReconcileOptions { Delay = (pause, _) => { _clockA.Advance(pause); return Task.CompletedTask; }, Waiting = waits.Add });

        var result = await reconciler.ReconcileAsync(e.Id, CancellationToken.None);

        Assert.Equal(LegState.NotExecuted, result.State);
        Assert.Equal(15, waits.Count); // every 2 s over the 30 s window (the evidence names no request validity)
        Assert.All(waits, w => Assert.Equal(Start + TimeSpan.FromSeconds(30), w.Until));
        Assert.Equal(TimeSpan.FromSeconds(30), waits[0].Remaining);
        Assert.Contains("no transfer with clientTranId", waits[0].Reason);
    }

    private static TransferPlan TwoLegs()
    {
        var alice = new RoutingAccount("alice", "alice@example.com", MasterEmail: "master@example.com");
        var bob = new RoutingAccount("bob", "bob@example.com", MasterEmail: "master@example.com");
        var plan = TransferRouter.Plan(new TransferRequest(7m, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse("bob@example.com/usdm")), alice, [alice, bob]);
        Assert.Equal(2, plan.Legs.Count);
        return plan;
    }

    private static void Settle(ITransferJournal j, string id, LegState to)
    {
        j.Transition(id, LegState.Planned, LegState.Sending);
        j.Transition(id, LegState.Sending, to, to == LegState.Done ? new TransitionDetails { ExchangeId = "1" } : new TransitionDetails { ErrorCode = "-9000" });
    }

    private static JournalReconciler Unused(ITransferJournal j) =>
        new(j, _ => new Evidence(() => throw new InvalidOperationException("nothing to reconcile")), TimeProvider.System);

    /// <summary>Writes the claim row a process killed with SIGKILL leaves behind (its lease still running).</summary>
    private void LeaveClaim(string subject, JournalOwner owner) => store.Execute(
        $"INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms) VALUES ('{subject}', '{owner.InstanceId}', " +
        $"{owner.Pid}, '{owner.Host}', {owner.StartedAtMs}, {Start.ToUnixTimeMilliseconds()}, {(Start + TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds()});");

    private sealed class Evidence(Func<LegEvidence> answer) : ILegReconciler
    {
        public TimeSpan RequestValidity => TimeSpan.Zero;

        public Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
            Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(answer()));
    }
}
