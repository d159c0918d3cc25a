namespace Ferry.Simulator.Binance;

/// <summary>The time range of a history query: inclusive start and end in ms.</summary>
internal readonly record struct HistoryWindow(long StartMs, long EndMs)
{
    public const long Day = 24L * 60 * 60 * 1000;

    /// <summary>Resolves startTime/endTime as the history endpoints do: neither → the last 7 days; only start →
    /// start to now; only end → the 7 days before end; start after end or a span over <paramref name="maxSpanDays"/> → error.
    /// Rows older than <paramref name="oldestDays"/> are never served.</summary>
    public static BinanceError? Resolve(SimRequest r, int? maxSpanDays, int? oldestDays, out HistoryWindow window)
    {
        window = default;
        if (r.Long("startTime", out var start) is { } e1) return e1;
        if (r.Long("endTime", out var end) is { } e2) return e2;
        var s = start ?? (end ?? r.NowMs) - 7 * Day;
        var e = end ?? (start is null ? r.NowMs : Math.Max(r.NowMs, s));
        if (s > e) return RequestParams.Malformed("startTime");
        if (maxSpanDays is { } max && e - s > max * Day)
        {
            return BinanceErrors.IntervalTooLong.Format((max * 24).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (oldestDays is { } oldest) s = Math.Max(s, r.NowMs - oldest * Day);
        window = new HistoryWindow(s, e);
        return null;
    }

    public bool Contains(long timestampMs) => timestampMs >= StartMs && timestampMs <= EndMs;
}
