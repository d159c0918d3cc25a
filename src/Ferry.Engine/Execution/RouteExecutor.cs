using Ferry.Engine.Journal;
using System.Security.Cryptography;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Execution;

/// <summary>How a route run ended.</summary>
public enum RouteStatus
{
    /// <summary>Every leg is done: the money is in the target wallet.</summary>
    Complete,
    /// <summary>A leg was rejected (or refused locally): the money sits in that leg's source wallet.</summary>
    Stopped,
    /// <summary>A leg's outcome is unknown and reconciliation could not settle it: the money is in its source or its target.</summary>
    Unknown,
}

/// <summary>One leg of a route as the journal holds it now: its position and its current (latest) entry.</summary>
public sealed record RouteLegEntry(int Position, JournalEntry Entry);

/// <summary>What a route run did.</summary>
/// <param name="RouteId">The route's id (<c>R…</c>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Legs">Every leg's current entry, by position.</param>
/// <param name="StoppedAt">The position of the leg it stopped at (null when complete).</param>
/// <param name="Holding">Where the money is now: the target when complete, the stopped leg's source when stopped, both
/// candidate wallets ("X or Y") when unknown.</param>
/// <param name="LastSend">What the last send of this run returned (null when nothing was sent).</param>
/// <param name="Message">One sentence for people.</param>
public sealed record RouteResult(string RouteId, RouteStatus Status, IReadOnlyList<RouteLegEntry> Legs, int? StoppedAt, string Holding,
    LegSendResult? LastSend, string Message);

/// <summary>
/// Runs a route's legs strictly one after another through the journal: every leg is written (planned, with the route's
/// id and its position) before the first is sent; a leg is sent only once the previous one is <c>done</c>; a leg left
/// sending or unknown (also right after an unknown answer) is reconciled first, and if it stays unknown the route stops. A later run (resume) continues from
/// the first leg not done: a planned leg is sent, a not-executed one is resent as its next attempt, and a rejected one
/// is written again as a new entry at the same position (with a fresh clientTranId). The sender is injected, so the
/// CLI, the sweep runner and the MCP server send legs their own way (with the client of the leg's account).
/// </summary>
public static class RouteExecutor
{
    /// <summary>Sends one leg with the client of <see cref="TransferLeg.AccountName"/> and states the result in the
    /// journal's terms (e.g. <see cref="TransferLegExecutor.ExecuteAsync"/>). It must not touch the journal.</summary>
    public delegate Task<LegSendResult> LegSender(TransferLeg leg, CancellationToken ct);

    /// <summary>Runs just before a leg is marked sending and may wait there (e.g. for rate-limit budget, so no entry sits in
    /// 'sending' while it waits); returns null to go on, or why the leg cannot be sent now: the route then stops with
    /// that leg untouched (nothing sent), to be resumed later.</summary>
    public delegate Task<string?> LegGate(TransferLeg leg, CancellationToken ct);

    /// <summary>Writes every leg of <paramref name="plan"/> to the journal as planned under a new route id and returns it.
    /// Nothing is sent.</summary>
    public static Task<string> JournalAsync(ITransferJournal journal, TransferPlan plan, TimeProvider? time = null, string? intent = null,
        CancellationToken ct = default) =>
        JournalAsync(journal, plan, NewRouteId((time ?? TimeProvider.System).GetUtcNow()), intent, null, ct);

    private static async Task<string> JournalAsync(ITransferJournal journal, TransferPlan plan, string routeId, string? intent, Policy.Requester? requester,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Legs.Count == 0) throw new ArgumentException("A route has at least one leg.", nameof(plan));
        // All legs in one transaction: a crash while writing them must not leave a shorter route that looks complete.
        await journal.PlanAllAsync(plan.Legs.Select((leg, i) => leg.Describe() with { RouteId = routeId, RouteLeg = i + 1, Intent = intent, Requester = requester }).ToList(), ct)
            .ConfigureAwait(false);
        return routeId;
    }

    /// <summary>Journals <paramref name="plan"/> (its legs grouped under <paramref name="intent"/> when given, each naming
    /// <paramref name="requester"/>, who asked) and runs it. A move the journal's policy check refuses throws
    /// <see cref="Policy.PolicyRefusedException"/> with nothing written.</summary>
    public static async Task<RouteResult> ExecuteAsync(ITransferJournal journal, TransferPlan plan, LegSender send,
        JournalReconciler reconciler, CancellationToken ct, TimeProvider? time = null, LegGate? gate = null, string? intent = null,
        Policy.Requester? requester = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var routeId = NewRouteId((time ?? TimeProvider.System).GetUtcNow());
        // Claimed before its legs are written, so no other process (a 'resume latest') picks up the new route first.
        var claim = await ClaimScope.TakeAsync(journal, ClaimSubjects.Route(routeId), ct).ConfigureAwait(false);
        await using var _ = claim.ConfigureAwait(false);
        await JournalAsync(journal, plan, routeId, intent, requester, ct).ConfigureAwait(false);
        return await RunAsync(journal, routeId, send, reconciler, ct, gate).ConfigureAwait(false);
    }

    /// <summary>The route's legs as the journal holds them now (the latest entry at each position).</summary>
    public static async Task<IReadOnlyList<RouteLegEntry>> LegsAsync(ITransferJournal journal, string routeId, CancellationToken ct = default) =>
        (await journal.ForRouteAsync(routeId, ct).ConfigureAwait(false))
            .GroupBy(e => e.Leg.RouteLeg ?? throw new JournalCorruptException($"Journal entry {e.Id} names route {routeId} but no position."))
            .OrderBy(g => g.Key)
            .Select(g => new RouteLegEntry(g.Key, g.Last()))
            .ToList();

    /// <summary>The route an id names: a route id itself, or the id of any of its legs' entries; null when neither.</summary>
    public static async Task<string?> FindRouteAsync(ITransferJournal journal, string id, CancellationToken ct = default)
    {
        if ((await journal.ForRouteAsync(id, ct).ConfigureAwait(false)).Count > 0) return id;
        return (await journal.FindAsync(id, ct).ConfigureAwait(false))?.Leg.RouteId;
    }

    /// <summary>Runs (or continues) the route from its first leg that is not done. The route is claimed for the whole run:
    /// while another live ferry holds it this throws <see cref="ClaimHeldException"/> and sends nothing.</summary>
    public static async Task<RouteResult> RunAsync(ITransferJournal journal, string routeId, LegSender send,
        JournalReconciler reconciler, CancellationToken ct, LegGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(reconciler);
        var claim = await ClaimScope.TakeAsync(journal, ClaimSubjects.Route(routeId), ct).ConfigureAwait(false);
        await using var _ = claim.ConfigureAwait(false);
        var legs = await LegsAsync(journal, routeId, ct).ConfigureAwait(false);
        if (legs.Count == 0) throw new KeyNotFoundException($"There is no route {routeId} in the journal.");
        for (var i = 0; i < legs.Count; i++)
            if (legs[i].Position != i + 1) throw new JournalCorruptException($"Route {routeId} has no leg {i + 1}.");

        LegSendResult? last = null;
        for (var i = 0; i < legs.Count; i++)
        {
            var entry = legs[i].Entry;
            if (entry.State == LegState.Done) continue;
            if (entry.NeedsReconciliation)
            {
                entry = (await reconciler.ReconcileAsync(entry.Id, ct).ConfigureAwait(false)).Entry;
                if (entry.NeedsReconciliation) return await ResultAsync(journal, routeId, RouteStatus.Unknown, i, last).ConfigureAwait(false);
                if (entry.State == LegState.Done) continue;
            }

            var leg = TransferLegRebuild.From(entry.Leg);
            // Rejected: it did not execute; a new entry at the same position (fresh clientTranId) is the next try.
            if (entry.State is not (LegState.Planned or LegState.NotExecuted)) leg = TransferLegRebuild.WithNewClientTranId(leg);
            if (gate is not null && await gate(leg, ct).ConfigureAwait(false) is { } refusal)
                return await ResultAsync(journal, routeId, RouteStatus.Stopped, i, new LegSendResult(OutcomeKind.NotSent, null, null, "not-sent", refusal)).ConfigureAwait(false);

            (JournalEntry Entry, LegSendResult Result) sent;
            switch (entry.State)
            {
                case LegState.Planned:
                    sent = await JournaledExecutor.SendPlannedAsync(journal, entry.Id, c => send(leg, c), ct).ConfigureAwait(false);
                    break;
                case LegState.NotExecuted:
                    sent = await JournaledExecutor.ResendAsync(journal, entry.Id, c => send(leg, c), ct).ConfigureAwait(false);
                    break;
                default:
                    var planned = await journal.PlanAsync(leg.Describe() with { RouteId = routeId, RouteLeg = legs[i].Position, Intent = entry.Leg.Intent, Requester = entry.Leg.Requester }, ct).ConfigureAwait(false);
                    sent = await JournaledExecutor.SendPlannedAsync(journal, planned.Id, c => send(leg, c), ct).ConfigureAwait(false);
                    break;
            }
            last = sent.Result;
            var settled = sent.Entry;
            // An unknown answer is looked up at once: the next leg may go only if this one is proved done. Nothing is
            // resent here; a leg proved not executed waits for a resume.
            if (settled.State == LegState.Unknown) settled = (await reconciler.ReconcileAsync(settled.Id, ct).ConfigureAwait(false)).Entry;
            if (settled.State == LegState.Done) continue;
            return await ResultAsync(journal, routeId, settled.NeedsReconciliation ? RouteStatus.Unknown : RouteStatus.Stopped, i, last).ConfigureAwait(false);
        }
        return await ResultAsync(journal, routeId, RouteStatus.Complete, null, last).ConfigureAwait(false);
    }

    private static async Task<RouteResult> ResultAsync(ITransferJournal journal, string routeId, RouteStatus status, int? stoppedAt, LegSendResult? last)
    {
        // The route's outcome is read whatever happens to the caller now: legs may have been sent.
        var legs = await LegsAsync(journal, routeId, CancellationToken.None).ConfigureAwait(false);
        var final = legs[^1].Entry.Leg.To;
        var resume = $"'ferry journal resume {routeId}'";
        switch (status)
        {
            case RouteStatus.Complete:
                return new(routeId, status, legs, null, final, last, $"Route {routeId} is complete: the money is in {final}.");
            case RouteStatus.Stopped:
            {
                var leg = legs[stoppedAt!.Value].Entry;
                var holding = leg.Leg.From;
                var why = last is { Kind: OutcomeKind.NotSent } ? $"not sent: {last.Message.TrimEnd('.')}" : leg.Message ?? "it was rejected";
                return new(routeId, status, legs, stoppedAt + 1, holding, last, stoppedAt == 0
                    ? $"Route {routeId} stopped at its first leg ({why}); nothing moved and the money is still in {holding}; fix the cause and run {resume}."
                    : $"Route {routeId} stopped at leg {stoppedAt + 1} of {legs.Count} ({why}); the money now sits in {holding}; fix the cause and run {resume} to continue to {final}.");
            }
            default:
            {
                var leg = legs[stoppedAt!.Value].Entry;
                var holding = $"{leg.Leg.From} or {leg.Leg.To}";
                return new(routeId, status, legs, stoppedAt + 1, holding, last,
                    $"Route {routeId} stopped: the outcome of leg {stoppedAt + 1} of {legs.Count} ({leg.Id}) is UNKNOWN, so the money is in {holding}; run 'ferry journal reconcile {leg.Id}' and then {resume}.");
            }
        }
    }

    private static string NewRouteId(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        return $"R{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(random)}";
    }
}
