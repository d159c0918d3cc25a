using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ferry.Core.Outcomes;
using Ferry.Core.Telemetry;

namespace Ferry.Engine.Journal;

/// <summary>
/// The engine's span per leg and its leg and reconciliation counters (<see cref="FerryTelemetry.EngineName"/>). Tags name the
/// journal id, venue, leg kind, state and outcome: never an account's key, an amount's owner or a request's parameters.
/// </summary>
internal static class EngineTelemetry
{
    private static readonly ActivitySource Source = new(FerryTelemetry.EngineName, Ferry.Core.Product.FerryProduct.Version);
    private static readonly Meter Meter = new(FerryTelemetry.EngineName, Ferry.Core.Product.FerryProduct.Version);

    private static readonly Counter<long> Legs =
        Meter.CreateCounter<long>("ferry.legs", "{leg}", "Journal states legs entered (sending, done, rejected, unknown, not-executed), by venue and kind.");

    private static readonly Counter<long> Reconciliations =
        Meter.CreateCounter<long>("ferry.reconciliations", "{entry}", "Reconciliation results: done, not-executed, or unresolved (still unknown).");

    /// <summary>The span of one leg's send, from 'sending' to the recorded answer; null when nobody listens.</summary>
    public static Activity? StartLeg(JournalEntry entry)
    {
        // No listener, no span: and no name built for one (a leg's hot path).
        var activity = Source.HasListeners() ? Source.StartActivity("ferry.leg " + entry.Leg.Kind, ActivityKind.Internal) : null;
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("ferry.journal.id", entry.Id);
        activity.SetTag("ferry.venue", entry.Leg.Venue);
        activity.SetTag("ferry.leg.kind", entry.Leg.Kind);
        activity.SetTag("ferry.endpoint", entry.Leg.Endpoint);
        if (entry.Leg.RouteId is { } route)
        {
            activity.SetTag("ferry.route.id", route);
            activity.SetTag("ferry.route.leg", entry.Leg.RouteLeg);
        }

        return activity;
    }

    /// <summary>Ends a leg's span with the state the answer was recorded as and the send's outcome.</summary>
    public static void EndLeg(Activity? activity, JournalEntry recorded, LegSendResult result)
    {
        Entered(recorded);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("ferry.leg.state", LegStates.Name(recorded.State));
        activity.SetTag("ferry.outcome", VenueInstrumentation.OutcomeName(result.Kind));
        if (result.ErrorCode is { } code)
        {
            activity.SetTag("ferry.error.code", code);
        }

        activity.SetStatus(result.Kind == OutcomeKind.Unknown ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }

    /// <summary>Counts a leg entering <paramref name="entry"/>'s state.</summary>
    public static void Entered(JournalEntry entry) =>
        Legs.Add(1, new TagList
        {
            { "ferry.venue", entry.Leg.Venue },
            { "ferry.leg.kind", entry.Leg.Kind },
            { "ferry.leg.state", LegStates.Name(entry.State) },
        });

    /// <summary>Counts one reconciliation's result: the entry's state after it (unknown = unresolved).</summary>
    public static void Reconciled(JournalEntry entry)
    {
        var result = entry.State switch
        {
            LegState.Done => "done",
            LegState.NotExecuted => "not-executed",
            _ => "unresolved",
        };
        Reconciliations.Add(1, new TagList { { "ferry.venue", entry.Leg.Venue }, { "ferry.reconcile.result", result } });
        Activity.Current?.AddEvent(new ActivityEvent("ferry.reconciled", tags: new ActivityTagsCollection
        {
            ["ferry.journal.id"] = entry.Id,
            ["ferry.reconcile.result"] = result,
        }));
    }
}
