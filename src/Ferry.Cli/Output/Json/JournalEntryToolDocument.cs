using System.Text.Json;

namespace Ferry.Cli.Output.Json;

/// <summary>journal_show: the document <c>ferry journal show --json</c> printed, under <c>entry</c>.</summary>
internal sealed record JournalEntryToolDocument(JsonElement Entry);
