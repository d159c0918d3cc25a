using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>What one move of a sweep or rebalance did: its outcome, journal ids and transfer ids; why, when it is not done.</summary>
internal sealed record MoveResultDocument : MoveDocument
{
    public MoveResultDocument(MoveDocument move, string outcome, IReadOnlyList<string> journalIds, IReadOnlyList<ExchangeIdValue> tranIds,
        string? message, ExchangeErrorDocument? error) : base(move)
    {
        Outcome = outcome;
        JournalIds = journalIds;
        TranIds = tranIds;
        Message = message;
        Error = error;
    }

    [JsonPropertyOrder(1)] public string Outcome { get; }

    [JsonPropertyOrder(1)] public IReadOnlyList<string> JournalIds { get; }

    [JsonPropertyOrder(1)] public IReadOnlyList<ExchangeIdValue> TranIds { get; }

    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Message { get; }

    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ExchangeErrorDocument? Error { get; }
}
