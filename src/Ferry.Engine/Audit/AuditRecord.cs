using Ferry.Engine.Approvals;

namespace Ferry.Engine.Audit;

/// <summary>One decision in the audit log. It holds no secret: names, wallets, amounts and the policy's sentence.</summary>
/// <param name="Seq">Its place in the log (assigned by the journal; 0 before it is written).</param>
/// <param name="At">When the decision was made.</param>
/// <param name="Kind">What was decided.</param>
/// <param name="Actor">Who decided or asked: the requester for allowed, blocked, waiting and executed; the approver for
/// approved and denied.</param>
/// <param name="Rule">The policy rule (null: the default).</param>
/// <param name="ApprovalId">The approval request concerned, if any.</param>
/// <param name="EntryId">The journal entry written under the decision, if any.</param>
/// <param name="Move">The move decided on.</param>
/// <param name="Message">The decision in one sentence.</param>
public sealed record AuditRecord(long Seq, DateTimeOffset At, AuditKind Kind, string Actor, string? Rule, string? ApprovalId,
    string? EntryId, MovePayload Move, string Message)
{
    /// <summary>The lower-case name of a kind as the journal and exports write it.</summary>
    public static string KindName(AuditKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads a stored kind name back.</summary>
    public static AuditKind ParseKind(string text) => Enum.TryParse<AuditKind>(text, ignoreCase: true, out var k) && Enum.IsDefined(k)
        ? k
        : throw new FormatException($"'{text}' is not an audit kind.");
}
