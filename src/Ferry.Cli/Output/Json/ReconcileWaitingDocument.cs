namespace Ferry.Cli.Output.Json;

/// <summary>The line reconciliation writes to stderr with --json while it waits out the exchange's history lag.</summary>
internal sealed record ReconcileWaitingDocument(string Event, string Id, string Reason, long Until, double RemainingSeconds);
