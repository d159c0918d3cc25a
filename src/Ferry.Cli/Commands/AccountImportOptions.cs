namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry accounts import</c> was given: the TOOLS.md, and the defaults for entries that name no environment.</summary>
internal sealed record AccountImportOptions(string File, string? Environment, string? BaseAddress, bool Json);
