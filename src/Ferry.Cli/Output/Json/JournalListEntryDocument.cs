using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>An entry of <c>ferry journal list</c>: the entry, the queued unit it belongs to, and the worker holding that unit now.</summary>
internal sealed record JournalListEntryDocument : JournalEntryDocument
{
    public JournalListEntryDocument(JournalEntryDocument entry, string? unit, string? worker) : base(entry) => (Unit, Worker) = (unit, worker);

    [JsonPropertyOrder(1)] public string? Unit { get; }

    [JsonPropertyOrder(1)] public string? Worker { get; }
}
