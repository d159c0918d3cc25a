namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry sim soak --json</c>: the summary's counts, then the run's facts (faults fired by kind, in kind order).</summary>
internal sealed record SoakDocument(
    int Transfers, int Duplicates, int Losses, int Unresolved, bool Conserved,
    int Seed, double FaultRate, string Faults, int Processes, IReadOnlyDictionary<string, long> FaultsFired,
    int Kills, int InternalErrors, int JournalEntries, string? JournalKept);
