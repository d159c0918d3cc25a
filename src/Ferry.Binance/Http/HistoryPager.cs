using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// Reads every page of a paged history endpoint. Rows seen twice because the history grew while paging
/// are kept once; the first page that does not end Done ends the whole read with that outcome.
/// </summary>
internal static class HistoryPager
{
    /// <summary>The most pages one read fetches before it gives up (and says so).</summary>
    public const int MaxPages = 1000;

    public static async Task<Outcome<IReadOnlyList<TRow>>> ReadAllAsync<TPage, TRow>(
        int firstPage, int pageSize, Func<int, Task<Outcome<TPage>>> fetchPage,
        Func<TPage, IReadOnlyList<TRow>> rowsOf, Func<TPage, long> totalOf, Func<TRow, long> idOf)
    {
        var rows = new List<TRow>();
        var seen = new HashSet<long>();
        for (var page = firstPage; page < firstPage + MaxPages; page++)
        {
            var outcome = await fetchPage(page).ConfigureAwait(false);
            if (outcome is not Done<TPage> done)
            {
                return outcome.Map<IReadOnlyList<TRow>>(_ => rows);
            }

            var pageRows = rowsOf(done.Value);
            rows.AddRange(pageRows.Where(row => seen.Add(idOf(row))));
            if (pageRows.Count < pageSize || (long)page * pageSize >= totalOf(done.Value))
            {
                return new Done<IReadOnlyList<TRow>>(rows);
            }
        }

        return new Unknown<IReadOnlyList<TRow>>($"History has more than {MaxPages} pages; narrow the query with startTime and endTime.");
    }
}
