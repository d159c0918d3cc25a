using Ferry.Core.Money;
using Ferry.Engine.Journal;

namespace Ferry.Cli.Output.Json;

/// <summary>One journal entry: the leg it records, its state and attempt, its times (epoch ms) and what the exchange answered.</summary>
internal record JournalEntryDocument(string Id, string State, int Attempt, string Kind, string Venue, string Account, string Endpoint,
    IReadOnlyDictionary<string, string> Parameters, string From, string To, string Asset, string Amount, string? ClientTranId,
    long CreatedAt, long? SentAt, string? ExchangeId, string? HistoryId, string? ErrorCode, string? Message, string? RouteId, int? RouteLeg,
    string? Requester)
{
    public static JournalEntryDocument Of(JournalEntry e) => new(e.Id, LegStates.Name(e.State), e.Attempt, e.Leg.Kind, e.Leg.Venue,
        e.Leg.AccountName, e.Leg.Endpoint, RequestParameters.Of(e.Leg.Parameters), e.Leg.From, e.Leg.To, e.Leg.Asset,
        WireDecimal.Format(e.Leg.Amount), e.Leg.ClientTranId, e.CreatedAt.ToUnixTimeMilliseconds(), e.SentAt?.ToUnixTimeMilliseconds(),
        e.ExchangeId, e.HistoryId, e.ErrorCode, e.Message, e.Leg.RouteId, e.Leg.RouteLeg, e.Leg.Requester?.ToString());
}
