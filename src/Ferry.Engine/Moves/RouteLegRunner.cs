using Ferry.Binance;
using Ferry.Binance.Http;
using Ferry.Journal;
using Ferry.Outcomes;
using Ferry.Transfers;

namespace Ferry.Moves;

/// <summary>What became of one route: each leg that was journaled, in order, and where it stopped.</summary>
/// <param name="Legs">One (journal entry, result) per leg that was sent or refused; legs after a failure are absent.</param>
/// <param name="Outcome">Done when every leg is done; else the outcome of the first leg that is not.</param>
/// <param name="Message">What happened, one sentence (for a half-done route it names the wallet the money is in).</param>
public sealed record RouteRun(IReadOnlyList<(JournalEntry Entry, LegResult Result)> Legs, OutcomeKind Outcome, string Message);

/// <summary>
/// Runs a route's legs in order through the journal and stops at the first leg that is not done. This is the one place
/// sweep and rebalance send a leg; after issue #9's route runner lands it is meant to be replaced by that runner.
/// <para>Budget first: the leg's rate-limit weight is reserved (<see cref="WeightLimiter.ReserveAheadAsync"/>) before the
/// journal writes it, so no entry sits in 'sending' while the limiter waits, and the send then uses that reservation.</para>
/// </summary>
public static class RouteLegRunner
{
    /// <summary>Runs <paramref name="route"/>; every leg's journal entry carries <paramref name="intent"/>.</summary>
    public static async Task<RouteRun> RunAsync(TransferPlan route, string intent, ITransferJournal journal,
        Func<string, BinanceClient> clientFor, TimeSpan edgeGuard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(clientFor);
        var done = new List<(JournalEntry, LegResult)>();
        foreach (var leg in route.Legs)
        {
            var client = clientFor(leg.AccountName);
            var ticket = await client.Limiter.ReserveAheadAsync(leg.EndpointRow, edgeGuard, ct).ConfigureAwait(false);
            if (!ticket.Grant.Granted)
                return Stop(done, route, leg, OutcomeKind.NotSent, ticket.Grant.Message ?? "no rate-limit budget");

            LegResult? result = null;
            var description = BinanceLegReconciler.Describe(leg) with { Intent = intent };
            var (entry, _) = await JournaledExecutor.ExecuteAsync(journal, description, async c =>
            {
                using (WeightLimiter.Prepay(ticket))
                {
                    result = await TransferLegExecutor.ExecuteAsync(client, leg, c).ConfigureAwait(false);
                }
                return new LegSendResult(result.Kind, result.TransferId, result.TransferId, result.Error?.Code, result.Message);
            }, ct).ConfigureAwait(false);
            result ??= new LegResult(leg, OutcomeKind.Unknown, null, null, null, entry.Message ?? "the send failed unexpectedly; it may have executed");
            done.Add((entry, result));
            if (result.Kind != OutcomeKind.Done)
                return Stop(done, route, leg, result.Kind, result.Message);
        }
        return new RouteRun(done, OutcomeKind.Done, "done");
    }

    private static RouteRun Stop(List<(JournalEntry, LegResult)> done, TransferPlan route, TransferLeg leg, OutcomeKind kind, string message)
    {
        var index = route.Legs.ToList().IndexOf(leg);
        var where = index == 0
            ? kind is OutcomeKind.Unknown ? $"it may have moved to {leg.To}" : $"nothing moved; the money is still in {leg.From}"
            : kind is OutcomeKind.Unknown
                ? $"legs 1–{index} are done; leg {index + 1} may have moved it to {leg.To}, else it is in {leg.From}"
                : $"legs 1–{index} are done, so the money is in {leg.From}";
        return new RouteRun(done, kind, $"leg {index + 1} of {route.Legs.Count} ended {kind}: {message.TrimEnd('.')} ({where}).");
    }
}
