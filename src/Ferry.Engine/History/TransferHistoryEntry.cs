namespace Ferry.Engine.History;

/// <summary>One row of an exchange's transfer history, in one shape whatever endpoint it came from.</summary>
public sealed record TransferHistoryEntry(
    string Source,
    long TransferId,
    DateTimeOffset Time,
    string Type,
    string Asset,
    decimal Amount,
    string Status,
    string? From = null,
    string? To = null);
