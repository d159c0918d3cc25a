namespace Ferry.Cli.Output.Json;

/// <summary>One row of HTX's ledger in the demo.</summary>
internal sealed record DemoHtxLedgerRowDocument(long TransferId, string? From, string? To, string Amount, string Asset);
