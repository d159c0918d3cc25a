namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal migrate</c>: the journal (without a password), its store and the schema it now has.</summary>
internal sealed record JournalMigrateDocument(string Journal, string Store, int Schema);
