using Ferry.Core.Money;
using Ferry.Engine.Journal;

namespace Ferry.Server.Api;

/// <summary>Journal entries and events as the API shows them.</summary>
internal static class JournalResponses
{
    public static JournalEntryResponse Entry(JournalEntry e) => new(e.Id, LegStates.Name(e.State), e.Leg.Venue, e.Leg.AccountName, e.Leg.Endpoint,
        e.Leg.From, e.Leg.To, e.Leg.Asset, WireDecimal.Format(e.Leg.Amount), e.Attempt, e.CreatedAt, e.UpdatedAt, e.Leg.RouteId, e.Leg.RouteLeg,
        e.ExchangeId, e.ErrorCode, e.Message);

    public static JournalEventResponse Event(JournalEvent e) =>
        new(e.Seq, e.At, e.Attempt, e.From is { } from ? LegStates.Name(from) : null, LegStates.Name(e.To), e.Detail);
}
