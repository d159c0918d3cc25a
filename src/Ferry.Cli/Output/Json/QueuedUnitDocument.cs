namespace Ferry.Cli.Output.Json;

/// <summary>One queued unit: its id, the move, the account it is planned for, and whether a person confirmed it.</summary>
internal sealed record QueuedUnitDocument(string Id, string Kind, string Account, string Amount, string Asset, string From, string To, bool Confirmed);
