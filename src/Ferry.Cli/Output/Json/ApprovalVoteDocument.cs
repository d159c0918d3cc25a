namespace Ferry.Cli.Output.Json;

/// <summary>One approver's answer: approve or deny, when (epoch ms), and why when given.</summary>
internal sealed record ApprovalVoteDocument(string Approver, string Answer, long At, string? Reason);
