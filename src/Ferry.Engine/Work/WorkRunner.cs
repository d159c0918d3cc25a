using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Work;

/// <summary>
/// A worker: takes queued units and runs each through the engine's one door (<see cref="TransferService.PlanAsync"/>, then
/// <see cref="TransferService.MoveOnceAsync(string, TransferProposal, bool, CancellationToken)"/> with the unit's id as the
/// intent key), so whatever an earlier holder left sending or unknown is reconciled before anything is sent, a route's
/// legs go strictly in order, and a leg is never sent twice. Runs <see cref="WorkRunnerOptions.Concurrency"/> units at once
/// and renews each hold while it runs. Cancelling the stop token is a graceful stop: no new unit is taken, units in flight
/// are finished (their journaled sends are never cut off), a unit taken but not started is handed back.
/// </summary>
public sealed partial class WorkRunner
{
    private readonly WorkRunnerOptions _options;
    private int _done;
    private int _failed;
    private int _unknown;
    private int _handedBack;
    private int _lost;
    // Pulsed when a slot of this worker finishes or hands back a unit, so an idle slot waiting for "empty" looks again at once.
    private readonly SemaphoreSlim _changed = new(0);

    public WorkRunner(WorkRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Runs until <paramref name="stop"/> is cancelled or, with <see cref="WorkRunnerOptions.UntilEmpty"/>, until
    /// every unit is final.</summary>
    public async Task<WorkRunSummary> RunAsync(CancellationToken stop)
    {
        Log.Started(_options.Logger, _options.Worker.Id, _options.Concurrency);
        await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => SlotAsync(stop))).ConfigureAwait(false);
        var summary = new WorkRunSummary(_done, _failed, _unknown, _handedBack, _lost);
        Log.Stopped(_options.Logger, _options.Worker.Id, summary.Finished, summary.HandedBack, summary.Lost);
        return summary;
    }

    private async Task SlotAsync(CancellationToken stop)
    {
        var queue = _options.Queue;
        while (!stop.IsCancellationRequested)
        {
            var lease = await queue.TakeAsync(_options.Worker, CancellationToken.None).ConfigureAwait(false);
            if (lease is null)
            {
                if (_options.UntilEmpty && await NothingLeftAsync().ConfigureAwait(false)) return;
                try
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    await Task.WhenAny(Task.Delay(_options.IdlePoll, _options.Time, idle.Token), _changed.WaitAsync(idle.Token)).ConfigureAwait(false);
                    await idle.CancelAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            if (stop.IsCancellationRequested)
            {
                await HandBackAsync(lease, "the worker is stopping", TimeSpan.Zero).ConfigureAwait(false);
                return;
            }
            await RunHeldAsync(lease).ConfigureAwait(false);
            _changed.Release(_options.Concurrency);
        }
    }

    private async Task<bool> NothingLeftAsync()
    {
        var counts = await _options.Queue.CountsAsync(CancellationToken.None).ConfigureAwait(false);
        return !counts.ContainsKey(WorkUnitState.Queued) && !counts.ContainsKey(WorkUnitState.Running);
    }

    /// <summary>Runs one held unit with its lease renewed every third of it; a lost hold cancels the unit's work (the
    /// journal's own claim fences its writes too) and leaves the unit to its new holder.</summary>
    private async Task RunHeldAsync(WorkLease lease)
    {
        var unit = lease.Unit;
        Log.Took(_options.Logger, _options.Worker.Id, unit.Id, lease.Token, lease.TakenOver ? " (taken over: reconciling what its last holder left first)" : "");
        using var work = new CancellationTokenSource();
        var held = new HeldLease(lease);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(held, work, renewing.Token);
        try
        {
            var outcome = await RunUnitAsync(unit, work.Token).ConfigureAwait(false);
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            if (outcome is null)
            {
                await HandBackAsync(held.Lease, "another process holds its journal claim", _options.HeldRetry).ConfigureAwait(false);
                return;
            }
            await CompleteAsync(held.Lease, outcome).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            Interlocked.Increment(ref _lost);
            Log.Lost(_options.Logger, _options.Worker.Id, unit.Id, held.Lease.Token, "its lease was lost while it ran; the next holder reconciles it");
        }
        catch (Exception e) when (e is JournalUnavailableException or ClaimHeldException or ClaimLostException or RoutePositionTakenException)
        {
            // Not an outcome of the move: the next take of the unit starts over by reconciling.
            await HandBackAsync(held.Lease, e.Message, _options.HeldRetry).ConfigureAwait(false);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private sealed class HeldLease(WorkLease lease)
    {
        public WorkLease Lease { get; set; } = lease;
    }

    private async Task RenewAsync(HeldLease held, CancellationTokenSource work, CancellationToken ct)
    {
        var every = (held.Lease.LeaseUntil - _options.Time.GetUtcNow()) / 3;
        if (every <= TimeSpan.Zero) every = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _options.Time, ct).ConfigureAwait(false);
                held.Lease = await _options.Queue.RenewAsync(held.Lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (WorkLeaseLostException e)
            {
                Log.Lost(_options.Logger, _options.Worker.Id, held.Lease.Unit.Id, held.Lease.Token, e.Message);
                await work.CancelAsync().ConfigureAwait(false);
                return;
            }
            catch (JournalUnavailableException)
            {
                // A busy file: the next renewal tries again; until then the lease runs down as it would in a crash.
            }
        }
    }

    /// <summary>Plans and runs one unit through the service; null when another process holds its journal claim right now.</summary>
    private async Task<WorkResult?> RunUnitAsync(WorkUnit unit, CancellationToken ct)
    {
        await using var service = _options.OpenService(RunsFor(unit));
        TransferProposal proposal;
        try
        {
            proposal = await service.PlanAsync(unit.Request, unit.Order.Account, ct).ConfigureAwait(false);
            TransferService.RequireRunnable(proposal.LegAccounts);
        }
        catch (Exception e) when (e is TransferPlanningException or TransferRefusedException or AccountConfigException)
        {
            // Planned nothing, sent nothing: the unit cannot run here as queued.
            return await RefusedAsync(service, unit, e.Message, CancellationToken.None).ConfigureAwait(false);
        }
        if (proposal.TouchesMainnet && unit.Order.ConfirmedAt is null)
            return await RefusedAsync(service, unit, "it is a mainnet move nobody confirmed when it was queued, and a worker never asks; nothing was sent", CancellationToken.None).ConfigureAwait(false);

        IntentRun run;
        try
        {
            run = await service.MoveOnceAsync(unit.Id, proposal, resendRejected: false, ct).ConfigureAwait(false);
        }
        catch (PolicyRefusedException e)
        {
            // The policy refused (or sent for approval) the move as whoever queued it: nothing of it was journaled or sent.
            return await RefusedAsync(service, unit, e.Message, CancellationToken.None).ConfigureAwait(false);
        }
        if (run.Status == IntentStatus.Held) return null;
        return await OutcomeAsync(service, unit.Id, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Who a unit runs for: this worker acting for whoever queued it, so the policy judges the move as theirs.</summary>
    private Requester? RunsFor(WorkUnit unit)
    {
        if (unit.Order.QueuedBy is not { } queuedBy) return null;
        var name = Requester.IsName(_options.Worker.Id) ? _options.Worker.Id : $"pid{_options.Worker.Pid}";
        return Requester.Worker(name, queuedBy.Principal);
    }

    /// <summary>A unit refused before anything of it is sent; journal entries an earlier holder wrote are still reported. Callers
    /// pass no cancellation: the unit's result is recorded even while the worker stops.</summary>
    private static async Task<WorkResult> RefusedAsync(TransferService service, WorkUnit unit, string reason, CancellationToken ct)
    {
        var earlier = await (await service.JournalAsync(ct).ConfigureAwait(false)).ForIntentAsync(unit.Id, ct).ConfigureAwait(false);
        return earlier.Count > 0
            ? await OutcomeAsync(service, unit.Id, ct).ConfigureAwait(false) with { Message = reason }
            : new WorkResult(WorkUnitState.Failed, [], reason);
    }

    /// <summary>The unit's final state as its journal entries say: every leg done, a leg that may have executed, or none.</summary>
    private static async Task<WorkResult> OutcomeAsync(TransferService service, string unitId, CancellationToken ct)
    {
        var journal = await service.JournalAsync(ct).ConfigureAwait(false);
        var entries = await journal.ForIntentAsync(unitId, ct).ConfigureAwait(false);
        var ids = entries.Select(e => e.Id).ToList();
        if (entries.FirstOrDefault(e => e.Leg.RouteId is not null)?.Leg.RouteId is { } routeId)
        {
            var legs = await service.RouteLegsAsync(routeId, ct).ConfigureAwait(false);
            ids = [.. (await journal.ForRouteAsync(routeId, ct).ConfigureAwait(false)).Select(e => e.Id)];
            if (legs.All(l => l.Entry.State == LegState.Done)) return new WorkResult(WorkUnitState.Done, ids, $"route {routeId}: every leg done");
            var stopped = legs.First(l => l.Entry.State != LegState.Done);
            return stopped.Entry.NeedsReconciliation
                ? new WorkResult(WorkUnitState.Unknown, ids, $"route {routeId} leg {stopped.Position} ({stopped.Entry.Id}) is {LegStates.Name(stopped.Entry.State)}: {stopped.Entry.Message}")
                : new WorkResult(WorkUnitState.Failed, ids, $"route {routeId} stopped at leg {stopped.Position} ({stopped.Entry.Id}, {LegStates.Name(stopped.Entry.State)}): {stopped.Entry.Message}");
        }
        if (entries.FirstOrDefault(e => e.State == LegState.Done) is { } done)
            return new WorkResult(WorkUnitState.Done, ids, $"{done.Id} done (exchange id {done.ExchangeId ?? done.HistoryId})");
        if (entries.FirstOrDefault(e => e.NeedsReconciliation) is { } open)
            return new WorkResult(WorkUnitState.Unknown, ids, $"{open.Id} is {LegStates.Name(open.State)}: {open.Message}");
        var last = entries.LastOrDefault();
        return new WorkResult(WorkUnitState.Failed, ids, last is null ? "nothing was sent" : $"{last.Id} {LegStates.Name(last.State)}: {last.Message}");
    }

    private async Task CompleteAsync(WorkLease lease, WorkResult result)
    {
        try
        {
            var unit = await _options.Queue.CompleteAsync(lease, result, CancellationToken.None).ConfigureAwait(false);
            _ = result.State switch
            {
                WorkUnitState.Done => Interlocked.Increment(ref _done),
                WorkUnitState.Failed => Interlocked.Increment(ref _failed),
                _ => Interlocked.Increment(ref _unknown),
            };
            Log.Finished(_options.Logger, _options.Worker.Id, unit.Id, lease.Token, WorkUnitStates.Name(result.State), string.Join(' ', result.JournalIds), result.Message);
            _options.Finished?.Invoke(unit);
        }
        catch (WorkLeaseLostException e)
        {
            Interlocked.Increment(ref _lost);
            Log.Lost(_options.Logger, _options.Worker.Id, lease.Unit.Id, lease.Token, e.Message);
        }
    }

    private async Task HandBackAsync(WorkLease lease, string reason, TimeSpan delay)
    {
        try
        {
            await _options.Queue.HandBackAsync(lease, reason, delay, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _handedBack);
            Log.HandedBack(_options.Logger, _options.Worker.Id, lease.Unit.Id, lease.Token, reason);
        }
        catch (WorkLeaseLostException e)
        {
            Interlocked.Increment(ref _lost);
            Log.Lost(_options.Logger, _options.Worker.Id, lease.Unit.Id, lease.Token, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "worker {Worker}: started, {Concurrency} at once")]
        public static partial void Started(ILogger logger, string worker, int concurrency);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "worker {Worker}: took unit {Unit} (token {Token}){Note}")]
        public static partial void Took(ILogger logger, string worker, string unit, long token, string note);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "worker {Worker}: unit {Unit} (token {Token}) {State}; journal {JournalIds}: {Message}")]
        public static partial void Finished(ILogger logger, string worker, string unit, long token, string state, string journalIds, string message);

        [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "worker {Worker}: handed back unit {Unit} (token {Token}): {Reason}")]
        public static partial void HandedBack(ILogger logger, string worker, string unit, long token, string reason);

        [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "worker {Worker}: lost unit {Unit} (token {Token}): {Reason}")]
        public static partial void Lost(ILogger logger, string worker, string unit, long token, string reason);

        [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "worker {Worker}: stopped; {Finished} units finished, {HandedBack} handed back, {Lost} lost")]
        public static partial void Stopped(ILogger logger, string worker, int finished, int handedBack, int lost);
    }
}
