namespace Ferry.Cli.Output.Json;

/// <summary>One row of the exchange's history in the demo.</summary>
internal sealed record DemoHistoryRowDocument(long TranId, string Type, string Amount, string Asset, string Status);
