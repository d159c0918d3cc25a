namespace Ferry.Cli.Output.Json;

/// <summary>One tally of a journal copy: a state's entries, "events" or "history-claims", in the source and the target.</summary>
internal sealed record JournalTallyRowDocument(string Tally, long Source, long Target);
