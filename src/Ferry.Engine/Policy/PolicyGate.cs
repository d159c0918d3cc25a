using System.Security.Cryptography;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Policy;

/// <summary>
/// The transfer policy at the journal's door: turns a leg about to start a move into a <see cref="PolicyMove"/>, reads
/// the counting moves the rules need from the journal (in the journal's own write transaction, see
/// <see cref="ITransferJournal.Admission"/>), decides, and writes the decision to the audit log. A blocked move is refused
/// with <see cref="PolicyRefusedException"/>; one that needs approval is journaled as a waiting approval request bound to
/// its payload (and refused, naming it), or, when an approved request for exactly that payload is open, uses it: the move
/// runs and the request is spent in the same transaction. The policy is read on first use, so a command that moves
/// nothing never reads it.
/// </summary>
public sealed class PolicyGate(Func<TransferPolicy?> loadPolicy, IReadOnlyList<AccountDefinition> accounts, TimeProvider time)
{
    private readonly Lazy<TransferPolicy?> _policy = new(loadPolicy ?? throw new ArgumentNullException(nameof(loadPolicy)));

    /// <summary>The policy in force (null: there is no policy file and every move is allowed).</summary>
    public TransferPolicy? Policy => _policy.Value;

    /// <summary>The check to hand the journal (<see cref="ITransferJournal.Admission"/>).</summary>
    public async ValueTask AdmitAsync(AdmissionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Policy is not { } policy) return;
        var now = time.GetUtcNow();
        var move = MoveOf(context.FirstLeg, context.Target);
        var payload = MovePayload.Of(move);
        var asker = move.Requester.ToString();
        // A new attempt of an approved move that did not execute is the same move: its approval already covers it.
        if (context.Retry && await context.ApprovalForEntryAsync(context.EntryId, ct).ConfigureAwait(false) is { State: ApprovalState.Executed } used)
        {
            await context.AuditAsync(new AuditRecord(0, now, AuditKind.Allowed, asker, used.Rule, used.Id, context.EntryId, payload,
                $"A new attempt of journal entry {context.EntryId}, which did not execute, runs under approval {used.Id}."), ct).ConfigureAwait(false);
            return;
        }
        var past = policy.Lookback > TimeSpan.Zero
            ? (await context.CountedSinceAsync(now - policy.Lookback, ct).ConfigureAwait(false)).Select(c => new PastMove(MoveOf(c), c.JournaledAt)).ToList()
            : [];
        var decision = policy.Decide(move, now, past);
        switch (decision.Action)
        {
            case PolicyAction.Allow:
                await context.AuditAsync(new AuditRecord(0, now, AuditKind.Allowed, asker, decision.Rule, null, context.EntryId, payload, decision.Message), ct).ConfigureAwait(false);
                return;
            case PolicyAction.Block:
                context.KeepOnRefusal(new AuditRecord(0, now, AuditKind.Blocked, asker, decision.Rule, null, null, payload, decision.Message));
                throw new PolicyRefusedException(decision);
        }
        var hash = payload.Hash;
        var open = await context.OpenApprovalAsync(hash, ct).ConfigureAwait(false);
        if (open is not null && open.Altered)
        {
            throw new PolicyRefusedException(decision with
            {
                ApprovalId = open.Id,
                Message = $"{decision.Message}; its approval request {open.Id} was changed after it was requested, so it cannot be used; nothing was sent.",
            });
        }
        switch (open?.StateAt(now))
        {
            case ApprovalState.Approved:
                if (!await context.UseApprovalAsync(open!.Id, ct).ConfigureAwait(false)) throw new InvalidOperationException($"Approval {open.Id} changed under the journal's admission lock.");
                await context.AuditAsync(new AuditRecord(0, now, AuditKind.Executed, asker, decision.Rule, open.Id, context.EntryId, payload,
                    $"Approval {open.Id} (by {Approvers(open)}) lets this move run, once: {payload.Describe()}."), ct).ConfigureAwait(false);
                return;
            case ApprovalState.Waiting:
                var waiting = $"{decision.Message}; it waits as approval {open!.Id} ({open.Approvals} of {open.Required} approvals, until {Time(open.ExpiresAt)}); nothing was sent.";
                context.KeepOnRefusal(new AuditRecord(0, now, AuditKind.Waiting, asker, decision.Rule, open.Id, null, payload, waiting));
                throw new PolicyRefusedException(decision with { ApprovalId = open.Id, Message = waiting });
        }
        var terms = decision.Approval;
        var request = new ApprovalRequest(NewApprovalId(), payload, hash, decision.Rule, decision.Message, terms.Required, terms.Approvers,
            now, now + terms.Expires, ApprovalState.Waiting, null, []);
        var who = terms.Approvers.Count > 0 ? string.Join(" or ", terms.Approvers) : $"someone other than {request.RequesterName}";
        var count = terms.Required == 1 ? "" : $" ({terms.Required} distinct people)";
        var message = $"{decision.Message}; it waits as approval {request.Id} until {Time(request.ExpiresAt)}: {who} can run 'ferry approvals approve {request.Id}'{count}, then run the same move again. Nothing was sent.";
        context.KeepOnRefusal(new AuditRecord(0, now, AuditKind.Waiting, asker, decision.Rule, request.Id, null, payload, message), request);
        throw new PolicyRefusedException(decision with { ApprovalId = request.Id, Message = message });
    }

    /// <summary>Judges a move without charging rolling limits (for a route being resumed: its first leg already counts in
    /// them); who asks, hours, per-move limits and plain rules still apply. A route whose first leg ran under an approval
    /// (<paramref name="approval"/>, the request that entry used) is not asked for approval again.</summary>
    public void AdmitResumed(LegDescription nextLeg, string target, Requester requester, ApprovalRequest? approval = null)
    {
        ArgumentNullException.ThrowIfNull(nextLeg);
        if (Policy is not { } policy) return;
        var decision = policy.Decide(MoveOf(nextLeg with { Requester = requester }, target), time.GetUtcNow(), []);
        if (decision.Action == PolicyAction.RequireApproval && approval is { State: ApprovalState.Executed }) return;
        if (decision.Action == PolicyAction.RequireApproval)
            throw new PolicyRefusedException(decision with { Message = $"{decision.Message}, and the route did not start under an approval; nothing was sent." });
        if (!decision.Allowed) throw new PolicyRefusedException(decision);
    }

    /// <summary>What the policy would decide for a move starting with <paramref name="firstLeg"/> now, with the rolling
    /// budgets of the rules that match it; reads <paramref name="journal"/> and writes nothing.</summary>
    public async Task<PolicyPreview> PreviewAsync(LegDescription firstLeg, string target, ITransferJournal journal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(firstLeg);
        ArgumentNullException.ThrowIfNull(journal);
        if (Policy is not { } policy) return new PolicyPreview(PolicyDecision.NoPolicy, [], null);
        var now = time.GetUtcNow();
        var move = MoveOf(firstLeg, target);
        var past = policy.Lookback > TimeSpan.Zero
            ? (await journal.CountedSinceAsync(now - policy.Lookback, ct).ConfigureAwait(false)).Select(c => new PastMove(MoveOf(c), c.JournaledAt)).ToList()
            : [];
        var decision = policy.Decide(move, now, past);
        var budgets = policy.Rules.SelectMany(r => r.Budgets(move, now, past)).ToList();
        ApprovalRequest? approval = null;
        if (decision.Action == PolicyAction.RequireApproval)
        {
            var hash = MovePayload.Of(move).Hash;
            approval = (await journal.ApprovalsAsync(ct: ct).ConfigureAwait(false)).FirstOrDefault(a => a.PayloadHash == hash);
            var state = approval?.StateAt(now);
            decision = decision with
            {
                ApprovalId = approval?.Id,
                Message = state switch
                {
                    ApprovalState.Approved => $"{decision.Message}; approval {approval!.Id} is granted, so it would run (once).",
                    ApprovalState.Waiting => $"{decision.Message}; it waits as approval {approval!.Id} ({approval.Approvals} of {approval.Required} approvals).",
                    _ => $"{decision.Message}; running it would journal a waiting approval request and send nothing.",
                },
            };
        }
        return new PolicyPreview(decision, budgets, approval);
    }

    /// <summary>The move a leg starts, as the rules see it. A leg journaled before requesters were stored is judged as
    /// an unnamed person's.</summary>
    public PolicyMove MoveOf(LegDescription firstLeg, string target)
    {
        ArgumentNullException.ThrowIfNull(firstLeg);
        return MoveOf(firstLeg.Requester, firstLeg.AccountName, firstLeg.Venue, firstLeg.From, target, firstLeg.Asset, firstLeg.Amount);
    }

    /// <summary>A counted move as the rules see it.</summary>
    public PolicyMove MoveOf(CountedMove counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return MoveOf(counted.Requester, counted.AccountName, counted.Venue, counted.From, counted.Target, counted.Asset, counted.Amount);
    }

    private PolicyMove MoveOf(Requester? requester, string accountName, string venueName, string from, string target, string asset, decimal amount)
    {
        var venue = string.Equals(venueName, "htx", StringComparison.OrdinalIgnoreCase) ? Venue.Htx : Venue.Binance;
        var account = accounts.FirstOrDefault(a => a.Venue == venue && string.Equals(a.Name, accountName, StringComparison.OrdinalIgnoreCase));
        return new PolicyMove(requester ?? Unnamed, accountName, venueName.ToLowerInvariant(), account?.Environment, from, target, asset.ToUpperInvariant(), amount);
    }

    /// <summary>Who a leg journaled before schema 5 is taken to be.</summary>
    public static Requester Unnamed { get; } = Requester.Person("unnamed");

    /// <summary>A new approval id: <c>A</c> and 40 random bits in hex, short enough to type.</summary>
    public static string NewApprovalId()
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        return "A" + Convert.ToHexStringLower(random);
    }

    private static string Approvers(ApprovalRequest request) => string.Join(", ", request.Votes.Where(v => v.Approve).Select(v => v.Approver));

    private static string Time(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
