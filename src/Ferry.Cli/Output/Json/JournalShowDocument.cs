using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry journal show</c>: the entry, then every step it went through.</summary>
internal sealed record JournalShowDocument : JournalEntryDocument
{
    public JournalShowDocument(JournalEntryDocument entry, IReadOnlyList<JournalEventDocument> events) : base(entry) => Events = events;

    [JsonPropertyOrder(1)] public IReadOnlyList<JournalEventDocument> Events { get; }
}
