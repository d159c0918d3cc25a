namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal list</c>: entries, newest first, each with the queued unit and worker that hold it.</summary>
internal sealed record JournalListDocument(IReadOnlyList<JournalListEntryDocument> Entries);
