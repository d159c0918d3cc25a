namespace Ferry.Simulator.Ledger;

/// <summary>The ledger's history, indexed: one list per <see cref="HistoryKey"/>, each in id order, so a history read
/// looks only at the list of its key. While a list's times never go backwards (the normal case; a clock set back
/// breaks it) its time window is found by binary search and, without a filter, counted without looking at the rows.
/// Not thread-safe: the ledger reads and writes it under its lock.</summary>
internal sealed class HistoryIndex
{
    private readonly Dictionary<HistoryKey, MoveList> _lists = [];

    /// <summary>Adds a move with an id above every id already held.</summary>
    public void Add(LedgerMove move)
    {
        // Distinct: a move's two sides can name one key (one owner's moves, or one wallet written in two cases).
        foreach (var key in HistoryKey.Of(move).Distinct())
        {
            if (!_lists.TryGetValue(key, out var list))
            {
                list = new MoveList();
                _lists[key] = list;
            }
            list.Add(move);
        }
    }

    public void Clear() => _lists.Clear();

    /// <summary>Answers <paramref name="query"/>; <paramref name="visible"/> (null: every move) hides moves a fault delays.</summary>
    public HistoryPage Read(HistoryQuery query, Func<LedgerMove, bool>? visible)
    {
        if (!_lists.TryGetValue(query.Key, out var list) || query.FromMs > query.ToMs) return new HistoryPage(0, [], 0);
        var moves = list.Moves;
        int lo = 0, hi = moves.Count;
        var windowFound = list.TimeOrdered;
        if (windowFound)
        {
            lo = FirstAtOrAfter(moves, query.FromMs);
            hi = query.ToMs == long.MaxValue ? moves.Count : FirstAtOrAfter(moves, query.ToMs + 1);
        }

        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        if (windowFound && query.Filter is null && visible is null)
        {
            // Every row of [lo, hi) matches: count them and copy only the page.
            var total = hi - lo;
            var first = hi - 1 - (long)skip;
            var count = (int)Math.Max(0, Math.Min(take, first - lo + 1));
            var rows = new LedgerMove[count];
            for (var i = 0; i < count; i++) rows[i] = moves[(int)first - i];
            return new HistoryPage(total, rows, count);
        }

        var matched = 0;
        var page = new List<LedgerMove>(Math.Min(take, 128));
        for (var i = hi - 1; i >= lo; i--)
        {
            var m = moves[i];
            if (!windowFound && (m.TimestampMs < query.FromMs || m.TimestampMs > query.ToMs)) continue;
            if (visible is not null && !visible(m)) continue;
            if (query.Filter is not null && !query.Filter(m)) continue;
            if (matched >= skip && matched - skip < take) page.Add(m);
            matched++;
        }
        return new HistoryPage(matched, page, hi - lo);
    }

    /// <summary>The first index whose time is at or after <paramref name="ms"/> (the list's times are ordered).</summary>
    private static int FirstAtOrAfter(List<LedgerMove> moves, long ms)
    {
        int lo = 0, hi = moves.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (moves[mid].TimestampMs < ms)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private sealed class MoveList
    {
        public List<LedgerMove> Moves { get; } = [];

        /// <summary>True while each move's time is at or after the one before it.</summary>
        public bool TimeOrdered { get; private set; } = true;

        public void Add(LedgerMove move)
        {
            if (Moves.Count > 0 && move.TimestampMs < Moves[^1].TimestampMs) TimeOrdered = false;
            Moves.Add(move);
        }
    }
}
