namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal list</c>: entries, newest first.</summary>
internal sealed record JournalListDocument(IReadOnlyList<JournalEntryDocument> Entries);
