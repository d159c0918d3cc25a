namespace Ferry.Server.Api;

/// <summary>An error (RFC 9457 problem details): one sentence in <c>Detail</c>, Ferry's error kind (bad-input, unauthorized, forbidden, not-found, replayed, expired, refused, confirmation-required, in-use, rejected, unknown, internal) and what it means for the money in <c>Outcome</c> (not-sent, rejected, done, unknown). <c>Run</c> is what an execute did when it did not end done.</summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, string Kind, string Outcome, string? PlanId = null,
    ExecutionResponse? Run = null);
