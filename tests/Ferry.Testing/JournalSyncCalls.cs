using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Execution;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;

namespace Ferry.Testing;

/// <summary>
/// Test-only convenience: the journal's and the service's calls under their old synchronous names, each blocking on the
/// asynchronous call (the stores complete with <c>ConfigureAwait(false)</c>, so a test thread with a synchronization
/// context cannot deadlock on them). Straight-line tests of one journal read better this way; tests of concurrency,
/// workers, leases and PostgreSQL await the real calls instead. Never use these in src/.
/// </summary>
public static class JournalSyncCalls
{
    public static JournalEntry Plan(this ITransferJournal journal, LegDescription leg) => Wait(journal.PlanAsync(leg));

    public static IReadOnlyList<JournalEntry> PlanAll(this ITransferJournal journal, IReadOnlyList<LegDescription> legs) => Wait(journal.PlanAllAsync(legs));

    public static JournalEntry PlanAndBeginSending(this ITransferJournal journal, LegDescription leg) => Wait(journal.PlanAndBeginSendingAsync(leg));

    public static JournalEntry CompleteSend(this ITransferJournal journal, JournalEntry sending, LegState to, TransitionDetails? details = null) =>
        Wait(journal.CompleteSendAsync(sending, to, details));

    public static JournalEntry Transition(this ITransferJournal journal, string id, LegState expected, LegState to, TransitionDetails? details = null) =>
        Wait(journal.TransitionAsync(id, expected, to, details));

    public static JournalEntry Note(this ITransferJournal journal, string id, string message) => Wait(journal.NoteAsync(id, message));

    public static JournalEntry? Find(this ITransferJournal journal, string id) => Wait(journal.FindAsync(id));

    public static IReadOnlyList<JournalEntry> List(this ITransferJournal journal, IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue) =>
        Wait(journal.ListAsync(states, limit));

    public static IReadOnlyList<JournalEntry> ForIntent(this ITransferJournal journal, string intent) => Wait(journal.ForIntentAsync(intent));

    public static IReadOnlyList<JournalEntry> ForRoute(this ITransferJournal journal, string routeId) => Wait(journal.ForRouteAsync(routeId));

    public static string? LatestRouteId(this ITransferJournal journal) => Wait(journal.LatestRouteIdAsync());

    public static IReadOnlyList<JournalEvent> Events(this ITransferJournal journal, string id) => Wait(journal.EventsAsync(id));

    public static ClaimAttempt Claim(this ITransferJournal journal, string subject) => Wait(journal.ClaimAsync(subject));

    public static void Release(this ITransferJournal journal, string subject) => journal.ReleaseAsync(subject).AsTask().GetAwaiter().GetResult();

    public static JournalClaim? FindClaim(this ITransferJournal journal, string subject) => Wait(journal.FindClaimAsync(subject));

    public static IReadOnlyList<JournalClaim> Claims(this ITransferJournal journal) => Wait(journal.ClaimsAsync());

    public static IReadOnlySet<string> ClaimedHistoryIds(this ITransferJournal journal, string venue) => Wait(journal.ClaimedHistoryIdsAsync(venue));

    public static IReadOnlyList<CountedMove> CountedSince(this ITransferJournal journal, DateTimeOffset since) => Wait(journal.CountedSinceAsync(since));

    public static IReadOnlyList<ApprovalRequest> Approvals(this ITransferJournal journal, bool all = false, int limit = 1000) => Wait(journal.ApprovalsAsync(all, limit));

    public static ApprovalRequest? FindApproval(this ITransferJournal journal, string id) => Wait(journal.FindApprovalAsync(id));

    public static ApprovalRequest DecideApproval(this ITransferJournal journal, string id, string approver, bool approve, string? reason = null) =>
        Wait(journal.DecideApprovalAsync(id, approver, approve, reason));

    public static IReadOnlyList<AuditRecord> Audit(this ITransferJournal journal, DateTimeOffset since, int limit = int.MaxValue) => Wait(journal.AuditAsync(since, limit));

    public static string? FindRoute(this TransferService service, string id) => service.FindRouteAsync(id).GetAwaiter().GetResult();

    public static IReadOnlyList<RouteLegEntry> RouteLegs(this TransferService service, string routeId) => service.RouteLegsAsync(routeId).GetAwaiter().GetResult();

    public static IReadOnlyList<ApprovalRequest> Approvals(this TransferService service, bool all = false, int limit = 1000) => Wait(service.ApprovalsAsync(all, limit));

    public static ApprovalRequest DecideApproval(this TransferService service, string id, bool approve, string? reason = null) =>
        Wait(service.DecideApprovalAsync(id, approve, reason));

    public static IReadOnlyList<AuditRecord> Audit(this TransferService service, DateTimeOffset since, int limit = int.MaxValue) => Wait(service.AuditAsync(since, limit));

    public static PolicyPreview PreviewPolicy(this TransferService service, TransferProposal proposal) => service.PreviewPolicyAsync(proposal).GetAwaiter().GetResult();

    public static Func<string, string?> UnresolvedFrom(this TransferService service) => service.UnresolvedFromAsync().GetAwaiter().GetResult();

    private static T Wait<T>(ValueTask<T> call) => call.AsTask().GetAwaiter().GetResult();
}
