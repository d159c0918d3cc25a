namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal copy</c>: what was copied where, and the tallies of both journals read back after the copy
/// (entries per state, events, history rows claimed); <c>matches</c> is true only when every tally is equal.</summary>
internal sealed record JournalCopyDocument(string From, string To, int Copied, bool Matches, IReadOnlyList<JournalTallyRowDocument> Tallies);
