namespace Ferry.Cli.Commands;

/// <summary>What 'ferry sim serve' was asked to do.</summary>
internal sealed record SimServeOptions(int Port, string? ScenarioPath, string? StatePath, string? FaultSpec, int FaultSeed, bool Json);
