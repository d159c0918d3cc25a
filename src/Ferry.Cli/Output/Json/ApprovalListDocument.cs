namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry approvals list --json</c>: the requests, newest first.</summary>
internal sealed record ApprovalListDocument(IReadOnlyList<ApprovalDocument> Approvals);
