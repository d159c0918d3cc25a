using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Approvals;

/// <summary>Approvals and the audit log in the journal's database: a move a rule says needs approval waits, bound to its
/// payload; someone other than the requester (two people with required: 2) approves it; the same move run again uses the
/// approval once. Denied, expired, replayed, altered and self-approved requests are refused. One contract every store keeps
/// (<see cref="SqliteApprovalJournalTests"/>, <see cref="PostgresApprovalJournalTests"/>).</summary>
public abstract class ApprovalJournalTests(JournalStore store, int schemaBeforeApprovals) : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Policy = """
        default: allow
        rules:
          - name: no-eth
            match: { asset: ETH }
            action: block
          - name: big-usdt
            match: { asset: USDT }
            limit: { per-move: 1000 }
            action: require-approval
            approval: { expires: 2h }
          - name: any-btc
            match: { asset: BTC }
            action: require-approval
            approval: { required: 2 }
          - name: bnb-named
            match: { asset: BNB }
            action: require-approval
            approval: { approvers: [carol] }
        """;

    private static readonly Requester Alice = Requester.Person("alice");

    private static LegDescription Leg(decimal amount, string asset = "USDT", Requester? who = null) =>
        new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer", [new("type", "MAIN_FUNDING"), new("asset", asset)],
            "spot", "funding", asset, amount) { Requester = who ?? Alice };

    private ITransferJournal Open()
    {
        var journal = store.Open(_clock);
        journal.Admission = new PolicyGate(() => PolicyFile.Parse(Policy), [], _clock).AdmitAsync;
        return journal;
    }

    /// <summary>Asks for the move and expects it to wait; returns the approval request's id.</summary>
    private static string Waits(ITransferJournal j, LegDescription leg)
    {
        var refused = Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(leg));
        Assert.Equal(PolicyAction.RequireApproval, refused.Decision.Action);
        return refused.Decision.ApprovalId ?? throw new InvalidOperationException("The refusal names no approval.");
    }

    [Fact]
    public void A_move_needing_approval_waits_bound_to_its_payload_and_runs_once_when_someone_else_approves()
    {
        using var j = Open();
        var refused = Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(5000m)));
        var id = refused.Decision.ApprovalId!;
        Assert.StartsWith("Rule 'big-usdt' says this move needs approval: 5,000 USDT in one move is more than its 1,000 per move; it waits as approval " + id, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"'ferry approvals approve {id}'", refused.Message, StringComparison.Ordinal);
        Assert.Empty(j.List());
        var waiting = Assert.Single(j.Approvals());
        Assert.Equal((id, ApprovalState.Waiting, "person:alice", 5000m, 1), (waiting.Id, waiting.State, waiting.Payload.Requester, waiting.Payload.Amount, waiting.Required));
        Assert.Equal(_clock.GetUtcNow().AddHours(2), waiting.ExpiresAt);
        Assert.Equal(MovePayload.Of(new PolicyMove(Alice, "main", "binance", null, "spot", "funding", "USDT", 5000.00m)).Hash, waiting.PayloadHash);

        // Running it again before approval finds the same request, still waiting.
        Assert.Equal(id, Waits(j, Leg(5000m)));
        Assert.Single(j.Approvals(all: true));

        var approved = j.DecideApproval(id, "bob", approve: true);
        Assert.Equal(ApprovalState.Approved, approved.State);

        var entry = j.PlanAndBeginSending(Leg(5000m));
        var used = j.FindApproval(id)!;
        Assert.Equal((ApprovalState.Executed, entry.Id), (used.State, used.EntryId));
        // The approval is spent: the same move again needs a new one.
        Assert.NotEqual(id, Waits(j, Leg(5000m)));
        Assert.Single(j.List());
    }

    [Fact]
    public void An_approval_does_not_cover_a_changed_move()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        j.DecideApproval(id, "bob", approve: true);
        var other = Waits(j, Leg(5000.01m));
        Assert.NotEqual(id, other);
        Assert.Equal(ApprovalState.Approved, j.FindApproval(id)!.State);
        Assert.Empty(j.List());
        // Another requester's identical move is another payload too.
        Assert.NotEqual(id, Waits(j, Leg(5000m, who: Requester.Person("carol"))));
    }

    [Fact]
    public void The_requester_cannot_approve_their_own_move_and_nothing_is_written()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        var e = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "ALICE", approve: true));
        Assert.Equal($"ALICE asked for the move of approval {id}, so someone else must approve it (four eyes); nothing was written.", e.Message);
        var request = j.FindApproval(id)!;
        Assert.Equal(ApprovalState.Waiting, request.State);
        Assert.Empty(request.Votes);
        // A worker acting for alice is alice.
        var forAlice = Waits(j, Leg(7000m, who: Requester.Worker("w1", Alice)));
        Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(forAlice, "alice", approve: true));
    }

    [Fact]
    public void A_denied_request_is_final_and_the_move_asks_anew()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        var denied = j.DecideApproval(id, "bob", approve: false, reason: "wrong wallet");
        Assert.Equal(ApprovalState.Denied, denied.State);
        Assert.Equal("wrong wallet", Assert.Single(denied.Votes).Reason);
        var e = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "carol", approve: true));
        Assert.Equal($"Approval {id} was denied by bob; ask for the move again to start a new request.", e.Message);
        Assert.NotEqual(id, Waits(j, Leg(5000m)));
        Assert.Empty(j.List());
    }

    [Fact]
    public void An_expired_request_can_be_neither_approved_nor_used()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        _clock.Advance(TimeSpan.FromHours(2));
        var e = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "bob", approve: true));
        Assert.Equal($"Approval {id} expired at 2026-12-06 11:00 UTC; ask for the move again to start a new request.", e.Message);

        // Approved in time, but used too late: the run opens a new request and sends nothing.
        var second = Waits(j, Leg(5000m));
        Assert.NotEqual(id, second);
        Assert.Equal(ApprovalState.Expired, j.FindApproval(id)!.State);
        j.DecideApproval(second, "bob", approve: true);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.NotEqual(second, Waits(j, Leg(5000m)));
        Assert.Equal(ApprovalState.Expired, j.FindApproval(second)!.State);
        Assert.Empty(j.List());
    }

    [Fact]
    public void A_replayed_approval_is_refused_before_and_after_it_is_used()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        j.DecideApproval(id, "bob", approve: true);
        var again = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "bob", approve: true));
        Assert.Equal($"Approval {id} is already approved (by bob); nothing changed.", again.Message);
        var entry = j.PlanAndBeginSending(Leg(5000m));
        var used = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "carol", approve: true));
        Assert.Equal($"Approval {id} was already used (journal entry {entry.Id}); an approval runs its move once.", used.Message);
        var unknown = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval("Anothere000", "bob", approve: true));
        Assert.True(unknown.UnknownId);
    }

    [Fact]
    public void A_request_changed_in_the_database_cannot_be_approved_or_used()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        store.Execute($"UPDATE approvals SET amount = '50000' WHERE id = '{id}';");
        var e = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "bob", approve: true));
        Assert.Contains("no longer matches the move it was requested for", e.Message, StringComparison.Ordinal);

        // Changed after it was approved: the run refuses to use it.
        store.Execute($"UPDATE approvals SET amount = '5000', state = 'approved' WHERE id = '{id}';");
        j.DecideApproval(Waits(j, Leg(6000m)), "bob", approve: true);
        store.Execute("UPDATE approvals SET amount = '60000' WHERE amount = '6000';");
        var run = Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(6000m)));
        Assert.Contains("was changed after it was requested, so it cannot be used; nothing was sent.", run.Message, StringComparison.Ordinal);
        Assert.Empty(j.List());
    }

    [Fact]
    public void Required_two_needs_two_distinct_approvers()
    {
        using var j = Open();
        var id = Waits(j, Leg(1m, "BTC"));
        Assert.Equal(ApprovalState.Waiting, j.DecideApproval(id, "bob", approve: true).State);
        var refused = Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(1m, "BTC")));
        Assert.Contains($"it waits as approval {id} (1 of 2 approvals", refused.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "Bob", approve: true));
        Assert.Equal($"Bob already answered approval {id}; it needs 2 distinct approvers.", twice.Message);
        var both = j.DecideApproval(id, "carol", approve: true);
        Assert.Equal((ApprovalState.Approved, 2), (both.State, both.Approvals));
        j.PlanAndBeginSending(Leg(1m, "BTC"));
        Assert.Equal(ApprovalState.Executed, j.FindApproval(id)!.State);
    }

    [Fact]
    public void Only_the_approvers_a_rule_names_may_answer()
    {
        using var j = Open();
        var id = Waits(j, Leg(1m, "BNB"));
        var e = Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "bob", approve: false));
        Assert.Equal($"Only carol may answer approval {id} (rule 'bnb-named'), not bob; nothing was written.", e.Message);
        Assert.Empty(j.FindApproval(id)!.Votes);
        Assert.Equal(ApprovalState.Approved, j.DecideApproval(id, "Carol", approve: true).State);
    }

    [Fact]
    public void A_new_attempt_of_an_approved_move_that_did_not_execute_runs_under_the_same_approval()
    {
        using var j = Open();
        var id = Waits(j, Leg(5000m));
        j.DecideApproval(id, "bob", approve: true);
        var sending = j.PlanAndBeginSending(Leg(5000m));
        j.CompleteSend(sending, LegState.Unknown);
        j.Transition(sending.Id, LegState.Unknown, LegState.NotExecuted);
        Assert.Equal(LegState.Sending, j.Transition(sending.Id, LegState.NotExecuted, LegState.Sending).State);
    }

    [Fact]
    public async Task Runs_racing_from_many_journals_use_one_approval_once()
    {
        string id;
        using (var j = Open())
        {
            id = Waits(j, Leg(5000m));
            j.DecideApproval(id, "bob", approve: true);
        }
        var journals = Enumerable.Range(0, 6).Select(_ => Open()).ToList();
        try
        {
            using var start = new Barrier(journals.Count);
            var runs = journals.Select(j => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await j.PlanAndBeginSendingAsync(Leg(5000m));
                    return true;
                }
                catch (PolicyRefusedException)
                {
                    return false;
                }
            })).ToList();
            var ran = await Task.WhenAll(runs);
            Assert.Equal(1, ran.Count(r => r));
            Assert.Single(journals[0].List());
            Assert.Equal(ApprovalState.Executed, journals[0].FindApproval(id)!.State);
            // The losers opened one new request between them, not one each.
            Assert.Single(journals[0].Approvals());
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    [Fact]
    public async Task Approvers_racing_on_one_request_give_one_answer_each_and_it_is_approved_once()
    {
        string id;
        using (var j = Open()) id = Waits(j, Leg(1m, "BTC"));
        var journals = new[] { "bob", "carol", "dave", "erin" }.Select(n => (Name: n, Journal: Open())).ToList();
        try
        {
            using var start = new Barrier(journals.Count);
            var answers = await Task.WhenAll(journals.Select(a => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    return (await a.Journal.DecideApprovalAsync(id, a.Name, approve: true)).State;
                }
                catch (ApprovalRefusedException)
                {
                    return (ApprovalState?)null;
                }
            })));
            Assert.Equal(2, answers.Count(a => a is not null));
            var request = journals[0].Journal.FindApproval(id)!;
            Assert.Equal((ApprovalState.Approved, 2), (request.State, request.Votes.Count));
        }
        finally
        {
            foreach (var (_, j) in journals) j.Dispose();
        }
    }

    [Fact]
    public void Every_decision_is_in_the_audit_log_with_its_rule_and_who_made_it()
    {
        var since = _clock.GetUtcNow();
        string entry, id, denied;
        using (var j = Open())
        {
            entry = j.PlanAndBeginSending(Leg(10m)).Id;
            Assert.Throws<PolicyRefusedException>(() => j.PlanAndBeginSending(Leg(1m, "ETH")));
            id = Waits(j, Leg(5000m));
            j.DecideApproval(id, "bob", approve: true);
            j.PlanAndBeginSending(Leg(5000m));
            denied = Waits(j, Leg(1m, "BTC"));
            j.DecideApproval(denied, "carol", approve: false, reason: "not today");
        }
        using var read = Open();
        var log = read.Audit(since);
        Assert.Equal([AuditKind.Allowed, AuditKind.Blocked, AuditKind.Waiting, AuditKind.Approved, AuditKind.Executed, AuditKind.Waiting, AuditKind.Denied],
            log.Select(a => a.Kind));
        Assert.Equal(["person:alice", "person:alice", "person:alice", "bob", "person:alice", "person:alice", "carol"], log.Select(a => a.Actor));
        Assert.Equal([null, "no-eth", "big-usdt", "big-usdt", "big-usdt", "any-btc", "any-btc"], log.Select(a => a.Rule));
        Assert.Equal(entry, log[0].EntryId);
        Assert.Equal(id, log[4].ApprovalId);
        Assert.Equal(read.FindApproval(id)!.EntryId, log[4].EntryId);
        Assert.Equal("Rule 'no-eth' blocks this move; nothing was sent.", log[1].Message);
        Assert.Contains("not today", log[6].Message, StringComparison.Ordinal);
        Assert.Equal(10m, log[0].Move.Amount);
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        Assert.Empty(read.Audit(_clock.GetUtcNow().AddSeconds(1)));
    }

    [Fact]
    public void A_refused_approval_writes_no_audit_row()
    {
        using var j = Open();
        var since = _clock.GetUtcNow();
        var id = Waits(j, Leg(5000m));
        Assert.Throws<ApprovalRefusedException>(() => j.DecideApproval(id, "alice", approve: true));
        Assert.Equal([AuditKind.Waiting], j.Audit(since).Select(a => a.Kind));
    }

    [Fact]
    public void A_journal_from_before_approvals_is_migrated_and_keeps_its_legs()
    {
        string id;
        using (var j = store.Open(_clock))
        {
            id = j.Plan(Leg(5m)).Id;
        }
        store.Execute("DROP TABLE audit; DROP TABLE approval_votes; DROP TABLE approvals; ALTER TABLE work_units DROP COLUMN requester;");
        store.WriteSchemaVersion(schemaBeforeApprovals);
        using var migrated = Open();
        Assert.Equal(LegState.Planned, migrated.Find(id)!.State);
        Assert.Empty(migrated.Approvals(all: true));
        var waiting = Waits(migrated, Leg(5000m));
        Assert.Equal(AuditKind.Waiting, Assert.Single(migrated.Audit(DateTimeOffset.MinValue)).Kind);
        Assert.Equal(ApprovalState.Waiting, migrated.FindApproval(waiting)!.State);
    }
}
