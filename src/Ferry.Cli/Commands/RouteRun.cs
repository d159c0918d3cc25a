using Ferry.Engine.Execution;
using System.Globalization;
using Ferry.Engine.Accounts;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry transfer</c> (multi-leg) and <c>ferry journal resume</c> share: the consent sentence, the
/// dry-run listing and the report of a run.</summary>
internal static class RouteRun
{
    /// <summary>"1. POST /sapi/... as 'main' (IP 1, UID 360): 10 USDT a → b".</summary>
    private static string LegLine(int position, LegDescription leg, int ip, int uid) =>
        $"{position}. {leg.Endpoint} as '{leg.AccountName}' (IP {ip}, UID {uid}): {WireDecimal.Format(leg.Amount)} {leg.Asset} {leg.From} → {leg.To}";

    /// <summary>The legs of a plan for the dry run (JSON array plus a line per leg).</summary>
    public static IReadOnlyList<RouteLegDocument> DryRunLegs(Printer printer, TransferPlan plan)
    {
        var legs = new List<RouteLegDocument>();
        for (var i = 0; i < plan.Legs.Count; i++)
        {
            var leg = plan.Legs[i];
            legs.Add(new RouteLegDocument(leg, i + 1));
            printer.Line(LegLine(i + 1, leg.Describe(), leg.EndpointRow.IpWeight, leg.EndpointRow.UidWeight));
            printer.Line($"   {leg.Endpoint} {string.Join("&", leg.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
        }
        printer.Line($"Total weight: IP {plan.IpWeight}, UID {plan.UidWeight}.");
        return legs;
    }

    /// <summary>Prints what a route run did, one document for --json, a line per leg for people.</summary>
    public static void Report(Printer printer, RouteResult result)
    {
        var legs = new List<RouteReportLegDocument>();
        foreach (var (position, e) in result.Legs)
        {
            var row = Ferry.Binance.BinanceEndpoints.All.FirstOrDefault(r => r.ToString() == e.Leg.Endpoint);
            legs.Add(new RouteReportLegDocument(JournalEntryDocument.Of(e), position, row?.IpWeight, row?.UidWeight));
            var state = LegStates.Name(e.State);
            printer.Line(LegLine(position, e.Leg, row?.IpWeight ?? 0, row?.UidWeight ?? 0)
                + $" — {state}" + (e.ExchangeId is not null ? $", transfer id {e.ExchangeId}" : "")
                + (e.State is LegState.Rejected or LegState.Unknown && e.Message is not null ? $" ({e.Message})" : "")
                + $" [journal {e.Id}]");
        }
        printer.Document(new RouteReportDocument(result.RouteId, result.Status.ToString().ToLowerInvariant(), result.Holding, result.StoppedAt, legs,
            result.Message), CliJsonContext.Default.RouteReportDocument);
        printer.Line(result.Message);
    }

    /// <summary>0 complete; 1 a leg was rejected; 3 a leg's outcome is unknown; 4 (or 2, 130) refused locally.</summary>
    public static int ExitCode(RouteResult result, LegSendResult? last) => result.Status switch
    {
        RouteStatus.Complete => ExitCodes.Ok,
        RouteStatus.Unknown => ExitCodes.Unknown,
        _ => last?.Kind == OutcomeKind.NotSent ? ExitCodes.ForNotSent(last.NotSentReason) : ExitCodes.Rejected,
    };

    /// <summary>The consent sentence for a route's remaining legs.</summary>
    public static string Summary(IEnumerable<(string Endpoint, string Account, string From, string To)> legs, decimal amount, string asset)
    {
        var list = legs.ToList();
        return $"Move {WireDecimal.Format(amount)} {asset} from {list[0].From} to {list[^1].To} on MAINNET in {list.Count.ToString(CultureInfo.InvariantCulture)} leg(s): "
            + string.Join("; ", list.Select(l => $"{l.Endpoint} as '{l.Account}'")) + ".";
    }
}
