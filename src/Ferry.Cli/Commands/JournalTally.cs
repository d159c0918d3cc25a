using Ferry.Engine.Journal;

namespace Ferry.Cli.Commands;

/// <summary>What a journal holds, counted independently of how it was written: entries per state, recorded steps, and
/// history rows claimed by done entries. Two journals with equal tallies hold the same work.</summary>
internal sealed record JournalTally(IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>The rows of the tally in a fixed order: every state, then events, then history claims.</summary>
    public static readonly IReadOnlyList<string> Names =
        [.. Enum.GetValues<LegState>().Select(LegStates.Name), "events", "history-claims"];

    /// <summary>Reads every entry of <paramref name="journal"/> and its steps.</summary>
    public static async Task<JournalTally> OfAsync(ITransferJournal journal, CancellationToken ct)
    {
        var counts = Names.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        foreach (var entry in await journal.ListAsync(ct: ct))
        {
            counts[LegStates.Name(entry.State)]++;
            counts["events"] += (await journal.EventsAsync(entry.Id, ct)).Count;
            if (entry.State == LegState.Done && entry.HistoryId is not null) counts["history-claims"]++;
        }
        return new JournalTally(counts);
    }
}
