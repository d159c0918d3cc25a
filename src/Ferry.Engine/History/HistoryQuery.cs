namespace Ferry.Engine.History;

/// <summary>A transfer-history read between two times; each kind names which record of the exchange it reads.</summary>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
public abstract record HistoryQuery(DateTimeOffset From, DateTimeOffset To);
