namespace Ferry.Simulator.Ledger;

/// <summary>One page of a history read: the moves of <see cref="Key"/>'s list whose time lies in
/// [<see cref="FromMs"/>, <see cref="ToMs"/>] and that pass <see cref="Filter"/> (null: all of them), newest (highest id)
/// first, skipping <see cref="Skip"/> and taking at most <see cref="Take"/>. The filter must imply the key: a key only
/// narrows where the ledger looks.</summary>
public sealed record HistoryQuery(HistoryKey Key, long FromMs, long ToMs, Func<LedgerMove, bool>? Filter, int Skip, int Take)
{
    /// <summary>Every matching move, newest first.</summary>
    public static HistoryQuery All(HistoryKey key, Func<LedgerMove, bool>? filter) =>
        new(key, long.MinValue, long.MaxValue, filter, 0, int.MaxValue);
}
