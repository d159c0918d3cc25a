namespace Ferry.Engine.Postgres;

/// <summary>Another done journal entry of the same venue already claimed this history row (a unique index across every
/// worker): the transition that would have claimed it again was refused and nothing was written.</summary>
public sealed class HistoryRowTakenException(string historyId)
    : InvalidOperationException($"History row {historyId} is already claimed by another done journal entry of the same venue; nothing was written.")
{
    public string HistoryId { get; } = historyId;
}
