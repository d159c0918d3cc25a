namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal reconcile</c>: one result per entry it looked at.</summary>
internal sealed record ReconcileDocument(IReadOnlyList<ReconcileResultDocument> Results);
