using Ferry.Engine.Execution;
using Ferry.Binance;
using Ferry.Binance.Http;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Moves;

/// <summary>What became of one planned move.</summary>
public sealed record MoveResult(PlannedMove Move, RouteRun Run)
{
    /// <summary>Done, or the outcome of the first leg that is not done.</summary>
    public OutcomeKind Outcome => Run.Outcome;

    /// <summary>The journal ids of the route's legs, in order.</summary>
    public IReadOnlyList<string> JournalIds => Run.JournalIds;
}

/// <summary>How a <see cref="MoveRunner"/> runs.</summary>
public sealed record MoveRunOptions
{
    /// <summary>Routes in flight at once (1–64). Waiting for rate budget holds no socket and no journal entry, so this only
    /// needs to be high enough to keep the budget busy while requests are on the wire.</summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>No leg's weight is reserved in the last this-much of a rate window (see <see cref="Ferry.Binance.Http.WeightLimiter.ReserveAheadAsync"/>;
    /// the client's own <see cref="Ferry.Binance.Http.WeightLimiter.EdgeMargin"/> applies when larger); null: 1/20 of the
    /// client's window, at most one second.</summary>
    public TimeSpan? EdgeGuard { get; init; }

    /// <summary>Groups the journal entries of one run: each leg's intent is "{RunId}:{moveId}".</summary>
    public string RunId { get; init; } = "run";

    /// <summary>Who asked for the run; stored on every leg and judged by the transfer policy.</summary>
    public Policy.Requester? Requester { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Parallelism is < 1 or > 64) throw new ArgumentException("Parallelism must be between 1 and 64.", nameof(Parallelism));
        if (EdgeGuard is { } g && g < TimeSpan.Zero) throw new ArgumentException("EdgeGuard must not be negative.", nameof(EdgeGuard));
    }

    /// <summary>The edge guard for a client with window <paramref name="window"/>.</summary>
    public TimeSpan EdgeGuardFor(TimeSpan window) => EdgeGuard ?? TimeSpan.FromTicks(Math.Min(window.Ticks / 20, TimeSpan.TicksPerSecond));
}

/// <summary>
/// Runs many independent moves concurrently: at most <see cref="MoveRunOptions.Parallelism"/> routes at once, each
/// route's legs in order through the route runner (<see cref="RouteExecutor"/>: every leg journaled before the first is
/// sent, each only after the previous is done, an unknown answer reconciled at once), one shared client per account (so
/// one weight limiter per key spends each endpoint's budget as fast as it allows and never past it) and one open journal
/// for the whole run.
/// <para>Budget first: a leg's weight is reserved (<see cref="WeightLimiter.ReserveAheadAsync"/>) before the journal marks
/// it sending, so no entry sits in 'sending' while the limiter waits; the send then spends that reservation.</para>
/// </summary>
public sealed class MoveRunner(ITransferJournal journal, Func<string, BinanceClient> clientFor, MoveRunOptions? options = null,
    JournalReconciler? reconciler = null)
{
    private readonly MoveRunOptions _options = options ?? new MoveRunOptions();
    private readonly JournalReconciler _reconciler = reconciler
        ?? new JournalReconciler(journal, e => new BinanceLegReconciler(clientFor(e.Leg.AccountName)), TimeProvider.System);

    /// <summary>Runs every move; <paramref name="finished"/> is called once per move as it ends (from any thread, one at a
    /// time). Returns the results in plan order.</summary>
    public async Task<IReadOnlyList<MoveResult>> RunAsync(IReadOnlyList<PlannedMove> moves, Action<MoveResult>? finished = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(moves);
        _options.Validate();
        var results = new MoveResult?[moves.Count];
        var report = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, moves.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct }, async (i, c) =>
            {
                var move = moves[i];
                var run = await RunRouteAsync(move, c).ConfigureAwait(false);
                var result = new MoveResult(move, run);
                results[i] = result;
                if (finished is null) return;
                lock (report) finished(result);
            }).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    /// <summary>Runs one move's route; its legs' journal entries carry the intent "{RunId}:{moveId}".</summary>
    private async Task<RouteRun> RunRouteAsync(PlannedMove move, CancellationToken ct)
    {
        var sent = new List<LegSendResult>();
        // The reservation of the leg about to go (a route's legs run one at a time), and the limiter that holds it.
        (WeightLimiter Limiter, RateTicket Ticket)? reserved = null;
        NotSentReason? refused = null;
        RouteResult route;
        try
        {
            route = await RouteExecutor.ExecuteAsync(journal, move.Route,
                async (leg, c) =>
                {
                    LegSendResult result;
                    using (WeightLimiter.Prepay(reserved!.Value.Ticket))
                    {
                        result = await TransferLegExecutor.ExecuteAsync(clientFor(leg.AccountName), leg, c).ConfigureAwait(false);
                    }
                    sent.Add(result);
                    return result;
                },
                _reconciler, ct,
                gate: async (leg, c) =>
                {
                    ReturnUnused(reserved);
                    var client = clientFor(leg.AccountName);
                    var ticket = await client.Limiter.ReserveAheadAsync(leg.EndpointRow, _options.EdgeGuardFor(client.Options.WeightWindow), c).ConfigureAwait(false);
                    reserved = (client.Limiter, ticket);
                    if (ticket.Grant.Granted) return null;
                    refused = ticket.Grant.Reason;
                    return ticket.Grant.Message ?? "no rate-limit budget";
                },
                intent: $"{_options.RunId}:{move.MoveId}", requester: _options.Requester).ConfigureAwait(false);
        }
        catch (Policy.PolicyRefusedException e)
        {
            // The policy refused this move before any leg was written: it is not sent, the other moves go on.
            var refusal = new LegSendResult(OutcomeKind.NotSent, null, null, "policy", e.Message) { NotSentReason = NotSentReason.Policy };
            return new RouteRun(new RouteResult("", RouteStatus.Stopped, [], 1, move.Route.Legs[0].From.ToString(), refusal, e.Message),
                [], OutcomeKind.NotSent, NotSentReason.Policy);
        }
        finally
        {
            // A leg stopped between its reservation and its send gives the weight back, so it is not counted in flight.
            ReturnUnused(reserved);
        }

        var outcome = route.Status switch
        {
            RouteStatus.Complete => OutcomeKind.Done,
            RouteStatus.Unknown => OutcomeKind.Unknown,
            _ => refused is not null ? OutcomeKind.NotSent : sent.Count > 0 ? sent[^1].Kind : OutcomeKind.Rejected,
        };
        return new RouteRun(route, sent, outcome, refused ?? (sent.Count > 0 ? sent[^1].NotSentReason : null));
    }

    private static void ReturnUnused((WeightLimiter Limiter, RateTicket Ticket)? reserved)
    {
        if (reserved is { } r) r.Limiter.Return(r.Ticket);
    }
}
