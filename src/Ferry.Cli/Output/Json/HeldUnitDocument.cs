namespace Ferry.Cli.Output.Json;

/// <summary>A unit a worker holds: its fencing token, when the lease runs out (Unix ms) and whether it still runs.</summary>
internal sealed record HeldUnitDocument(string Id, long Token, long LeaseUntil, bool LeaseLive, string Move);
