namespace Ferry.Cli.Commands;

/// <summary>A soak child's part (the hidden --worker-* options): the run, its simulator and journal, where it starts, and whether the MCP participant shares the intents.</summary>
internal sealed record SoakWorkerOptions(SoakOptions Soak, Uri Simulator, string JournalPath, int Offset, bool Shared);
