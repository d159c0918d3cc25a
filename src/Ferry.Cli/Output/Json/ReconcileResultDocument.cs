namespace Ferry.Cli.Output.Json;

/// <summary>What reconciliation decided for one entry, and why.</summary>
internal sealed record ReconcileResultDocument(string Id, string State, string Reason);
