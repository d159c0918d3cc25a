namespace Ferry.Cli.Output.Json;

/// <summary>The demo's HTX step: its moves, the refused one and HTX's ledger.</summary>
internal sealed record DemoHtxDocument(IReadOnlyList<DemoHtxMoveDocument> Moves, DemoRefusalDocument Refused, IReadOnlyList<DemoHtxLedgerRowDocument> Ledger);
