using Ferry.Engine.Journal;

namespace Ferry.Cli.Output.Json;

/// <summary>One recorded step of a journal entry: when (epoch ms), which attempt, from which state to which.</summary>
internal sealed record JournalEventDocument(long At, int Attempt, string? From, string To, string? Detail)
{
    public static JournalEventDocument Of(JournalEvent e) =>
        new(e.At.ToUnixTimeMilliseconds(), e.Attempt, e.From is { } f ? LegStates.Name(f) : null, LegStates.Name(e.To), e.Detail);
}
