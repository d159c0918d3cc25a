namespace Ferry.Cli.Commands;

/// <summary>What 'ferry demo' was asked to do.</summary>
internal sealed record DemoOptions(bool Json);
