namespace Ferry.Cli.Commands;

/// <summary>A verb that changes something: what the mainnet CONFIRM prompt says, and whether --confirm already consented.</summary>
internal sealed record MainnetChange(string Description, bool Confirmed);
