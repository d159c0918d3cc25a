namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry sim serve --json</c>'s first line: the address, the demo keys (null with a scenario file) and the faults.</summary>
internal sealed record SimServeDocument(string Listening, SimServeDemoDocument? Demo, string? Faults, int? FaultSeed);
