namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry approvals approve|deny --json</c>: the request after the answer, and the answer in a sentence.</summary>
internal sealed record ApprovalDecisionDocument(ApprovalDocument Approval, string Message);
