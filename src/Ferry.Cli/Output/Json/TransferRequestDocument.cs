namespace Ferry.Cli.Output.Json;

/// <summary>The move plan_transfer was asked for.</summary>
internal sealed record TransferRequestDocument(string Amount, string Asset, string From, string To);
