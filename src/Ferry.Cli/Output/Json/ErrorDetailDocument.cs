namespace Ferry.Cli.Output.Json;

/// <summary>What failed: the exit code's kind, the exchange's code when it refused (else null), one sentence.</summary>
internal sealed record ErrorDetailDocument(string Kind, string? Code, string Message);
