using Ferry.Core.Money;
using Ferry.Engine.Approvals;

namespace Ferry.Cli.Output.Json;

/// <summary>One approval request: the move it is bound to (and its hash), why it needs approval, its state now, who
/// answered, and the journal entry that used it. Times are epoch ms.</summary>
internal sealed record ApprovalDocument(string Id, string State, string Requester, string Account, string Venue, string From, string To,
    string Asset, string Amount, string? Rule, string Reason, int Required, IReadOnlyList<string> Approvers, IReadOnlyList<ApprovalVoteDocument> Votes,
    long CreatedAt, long ExpiresAt, string? EntryId, string PayloadHash)
{
    public static ApprovalDocument Of(ApprovalRequest r, DateTimeOffset now) => new(r.Id, ApprovalRequest.StateName(r.StateAt(now)), r.Payload.Requester,
        r.Payload.Account, r.Payload.Venue, r.Payload.From, r.Payload.To, r.Payload.Asset, WireDecimal.Format(r.Payload.Amount), r.Rule, r.Reason,
        r.Required, r.Approvers, [.. r.Votes.Select(v => new ApprovalVoteDocument(v.Approver, v.Approve ? "approve" : "deny", v.At.ToUnixTimeMilliseconds(), v.Reason))],
        r.CreatedAt.ToUnixTimeMilliseconds(), r.ExpiresAt.ToUnixTimeMilliseconds(), r.EntryId, r.PayloadHash);
}
