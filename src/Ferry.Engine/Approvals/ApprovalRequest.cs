using Ferry.Engine.Policy;

namespace Ferry.Engine.Approvals;

/// <summary>A move waiting for (or given, refused, used) approval, as the journal holds it.</summary>
/// <param name="Id">Its id (<c>A20261206011500-3f9c0a</c>), typed by approvers.</param>
/// <param name="Payload">The move it is bound to.</param>
/// <param name="PayloadHash">The payload's hash when the request was written.</param>
/// <param name="Rule">The rule that asked for approval (null: the policy's default).</param>
/// <param name="Reason">Why the move needs approval, in the rule's words.</param>
/// <param name="Required">Distinct approvers needed.</param>
/// <param name="Approvers">Who may approve (empty: anyone but the requester).</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="ExpiresAt">After this it can be neither approved nor used.</param>
/// <param name="State">Its state as stored (see <see cref="StateAt"/> for expiry).</param>
/// <param name="EntryId">The journal entry that used it (executed), else null.</param>
/// <param name="Votes">The answers so far, oldest first.</param>
public sealed record ApprovalRequest(string Id, MovePayload Payload, string PayloadHash, string? Rule, string Reason, int Required,
    IReadOnlyList<string> Approvers, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, ApprovalState State, string? EntryId,
    IReadOnlyList<ApprovalVote> Votes)
{
    /// <summary>The state at <paramref name="now"/>: an open request past its time is expired.</summary>
    public ApprovalState StateAt(DateTimeOffset now) =>
        State is ApprovalState.Waiting or ApprovalState.Approved && now >= ExpiresAt ? ApprovalState.Expired : State;

    /// <summary>True when the stored payload no longer hashes to the hash it was requested with (the row was changed).</summary>
    public bool Altered => !string.Equals(Payload.Hash, PayloadHash, StringComparison.Ordinal);

    /// <summary>Distinct approvers who said yes.</summary>
    public int Approvals => Votes.Where(v => v.Approve).Select(v => v.Approver.ToUpperInvariant()).Distinct().Count();

    /// <summary>The requester whose name no approver may have (a worker's principal).</summary>
    public string RequesterName => Requester.TryParse(Payload.Requester, out var r) ? r.Principal.Name : Payload.Requester;

    /// <summary>The lower-case name of a state as the journal and the CLI write it.</summary>
    public static string StateName(ApprovalState state) => state.ToString().ToLowerInvariant();

    /// <summary>Reads a stored state name back.</summary>
    public static ApprovalState ParseState(string text) => Enum.TryParse<ApprovalState>(text, ignoreCase: true, out var s) && Enum.IsDefined(s)
        ? s
        : throw new FormatException($"'{text}' is not an approval state.");
}
