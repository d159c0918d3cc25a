using System.Collections.Concurrent;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Work;

/// <summary>
/// An exchange in memory for worker tests: it executes every leg it is sent (keyed by the leg's clientTranId), answers
/// reconciliation by that id, and records every send and every lookup in order, so a test can see what came first and
/// count what executed. <see cref="Hold"/> makes sends wait until released.
/// </summary>
internal sealed class FakeExchange : IVenueConnector
{
    private readonly ConcurrentDictionary<string, string> _executed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _events = new();
    private int _next;

    /// <summary>"send CTID" and "lookup CTID", in the order they happened.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>How many transfers executed (sends that reached the exchange).</summary>
    public int Executed => _executed.Count;

    /// <summary>When set, every send waits for it before executing.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Told when a send arrives (before it waits on <see cref="Hold"/>).</summary>
    public Action? Sending { get; set; }

    /// <summary>Records a transfer as executed by an earlier (crashed) sender.</summary>
    public void ExecutedEarlier(string clientTranId) => _executed[clientTranId] = $"T{Interlocked.Increment(ref _next)}";

    public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct) => Task.FromResult<IVenueSession>(new Session(this, account));

    private sealed class Session(FakeExchange exchange, AccountDefinition account) : IVenueSession, ILegReconciler
    {
        public AccountDefinition Account => account;

        public ILegReconciler Reconciler => this;

        public TimeSpan RequestValidity => TimeSpan.FromSeconds(5);

        public async Task<LegSendResult> SendAsync(ITransferPlan leg, CancellationToken ct)
        {
            var id = leg.Describe().ClientTranId ?? throw new InvalidOperationException("The fake exchange keys transfers by clientTranId.");
            exchange._events.Enqueue($"send {id}");
            exchange.Sending?.Invoke();
            if (exchange.Hold is { } hold) await hold.Task.WaitAsync(ct);
            var tranId = $"T{Interlocked.Increment(ref exchange._next)}";
            if (!exchange._executed.TryAdd(id, tranId)) throw new InvalidOperationException($"clientTranId {id} executed twice.");
            return new LegSendResult(Core.Outcomes.OutcomeKind.Done, tranId, tranId, null, "done");
        }

        public Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
        {
            var id = entry.Leg.ClientTranId!;
            exchange._events.Enqueue($"lookup {id}");
            return Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(new FoundByClientId(exchange._executed.GetValueOrDefault(id))));
        }
    }
}
