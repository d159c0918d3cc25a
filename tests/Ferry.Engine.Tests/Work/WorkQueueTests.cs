using Ferry.Engine.Addresses;
using Ferry.Engine.Policy;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Engine.Transfers;
using Ferry.Engine.Work;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Work;

/// <summary>
/// The work queue beside the journal: units taken one at a time under a lease with a fencing token, by several queue
/// instances on one store exactly as several worker processes open it. One contract every store keeps
/// (<see cref="SqliteWorkQueueTests"/>, <see cref="PostgresWorkQueueTests"/>).
/// </summary>
public abstract class WorkQueueTests(JournalStore store) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly WorkQueueOptions Lease30 = new() { Lease = TimeSpan.FromSeconds(30) };

    private readonly FakeTimeProvider _clock = new(Start);

    /// <summary>The store under test.</summary>
    protected JournalStore Store => store;

    /// <summary>The test's clock.</summary>
    protected FakeTimeProvider Clock => _clock;

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens one more queue on the store, as another worker process would.</summary>
    protected IWorkQueue Open() => store.OpenQueue(_clock, Lease30);

    private static WorkerIdentity Worker(string id) => new(id, Environment.ProcessId, Environment.MachineName, 0);

    protected static WorkOrder Order(decimal amount, string to = "funding") =>
        new(WorkKind.Transfer, "main", new TransferRequest(amount, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse(to)), null);

    [Fact]
    public async Task A_unit_keeps_who_queued_it_and_one_queued_without_a_name_reads_back_without_one()
    {
        using var queue = Open();
        var units = await queue.EnqueueAsync([Order(1m) with { QueuedBy = Requester.Agent("claude") }, Order(2m)], CancellationToken.None);

        Assert.Equal(Requester.Agent("claude"), (await queue.FindAsync(units[0].Id, CancellationToken.None))!.Order.QueuedBy);
        Assert.Null((await queue.FindAsync(units[1].Id, CancellationToken.None))!.Order.QueuedBy);
        var me = new WorkerIdentity("w1", Environment.ProcessId, Environment.MachineName, 0);
        Assert.Equal(Requester.Agent("claude"), (await queue.TakeAsync(me, CancellationToken.None))!.Unit.Order.QueuedBy);
    }

    [Fact]
    public async Task Units_are_taken_in_queue_order_and_completed_with_their_result()
    {
        using var queue = Open();
        var queued = await queue.EnqueueAsync([Order(1.5m), Order(2m, "alice@example.com/usdm")], CancellationToken.None);

        var first = await queue.TakeAsync(Worker("w1"), CancellationToken.None);
        Assert.NotNull(first);
        Assert.Equal(queued[0].Id, first.Unit.Id);
        Assert.Equal(WorkUnitState.Running, (await queue.FindAsync(first.Unit.Id, CancellationToken.None))!.State);
        Assert.False(first.TakenOver);
        var done = await queue.CompleteAsync(first, new WorkResult(WorkUnitState.Done, ["J1", "J2"], "done"), CancellationToken.None);

        Assert.Equal(WorkUnitState.Done, done.State);
        Assert.Equal(["J1", "J2"], done.JournalIds);
        Assert.Null(done.Holder);
        var second = await queue.TakeAsync(Worker("w1"), CancellationToken.None);
        Assert.Equal(queued[1].Id, second!.Unit.Id);
        Assert.Equal(2m, second.Unit.Request.Amount);
        Assert.Equal(WalletAddress.Parse("alice@example.com/usdm"), second.Unit.Request.To);
        Assert.True(second.Token > first.Token);
        Assert.Null(await queue.TakeAsync(Worker("w1"), CancellationToken.None));
        var counts = await queue.CountsAsync(CancellationToken.None);
        Assert.Equal(1, counts[WorkUnitState.Done]);
        Assert.Equal(1, counts[WorkUnitState.Running]);
    }

    [Fact]
    public async Task Many_takers_on_one_store_at_once_never_get_one_unit_twice()
    {
        const int units = 60;
        const int takers = 6;
        using (var seed = Open())
            await seed.EnqueueAsync([.. Enumerable.Range(1, units).Select(i => Order(i))], CancellationToken.None);
        var queues = Enumerable.Range(0, takers).Select(_ => Open()).ToList();
        try
        {
            using var go = new Barrier(takers);
            var taken = await Task.WhenAll(queues.Select((q, i) => Task.Run(async () =>
            {
                var mine = new List<string>();
                go.SignalAndWait();
                while (await q.TakeAsync(Worker($"w{i}"), CancellationToken.None) is { } lease)
                {
                    mine.Add(lease.Unit.Id);
                    await q.CompleteAsync(lease, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None);
                }
                return mine;
            })));

            var all = taken.SelectMany(t => t).ToList();
            Assert.Equal(units, all.Count);
            Assert.Equal(units, all.Distinct().Count());
            Assert.Equal(units, (await queues[0].CountsAsync(CancellationToken.None))[WorkUnitState.Done]);
        }
        finally
        {
            foreach (var q in queues) q.Dispose();
        }
    }

    [Fact]
    public async Task A_unit_whose_lease_ran_out_is_taken_over_and_the_old_holder_is_refused_every_write()
    {
        using var a = Open();
        using var b = Open();
        await a.EnqueueAsync([Order(1m)], CancellationToken.None);
        var old = (await a.TakeAsync(Worker("w-a"), CancellationToken.None))!;

        // Inside the lease the unit is nobody else's.
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await b.TakeAsync(Worker("w-b"), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var taken = await b.TakeAsync(Worker("w-b"), CancellationToken.None);

        Assert.NotNull(taken);
        Assert.True(taken.TakenOver);
        Assert.True(taken.Token > old.Token);
        Assert.Equal("taken over from worker w-a", taken.Unit.Message ?? (await b.FindAsync(taken.Unit.Id, CancellationToken.None))!.Message);
        var refused = await Assert.ThrowsAsync<WorkLeaseLostException>(() => a.CompleteAsync(old, new WorkResult(WorkUnitState.Done, ["J-old"], "done"), CancellationToken.None));
        Assert.Contains("worker w-b took it over", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => a.RenewAsync(old, CancellationToken.None));
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => a.HandBackAsync(old, "stopping", TimeSpan.Zero, CancellationToken.None));

        var done = await b.CompleteAsync(taken, new WorkResult(WorkUnitState.Done, ["J-new"], "done"), CancellationToken.None);
        Assert.Equal(["J-new"], done.JournalIds);
        Assert.Equal(2, done.Takes);
        // Even after the new holder finished, the stale token stays refused.
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => a.CompleteAsync(old, new WorkResult(WorkUnitState.Failed, [], "x"), CancellationToken.None));
    }

    [Fact]
    public async Task A_holder_whose_lease_ran_out_is_refused_even_before_anyone_takes_the_unit_and_renewing_keeps_it()
    {
        using var queue = Open();
        await queue.EnqueueAsync([Order(1m), Order(2m)], CancellationToken.None);
        var renewed = (await queue.TakeAsync(Worker("w"), CancellationToken.None))!;
        var lapsed = (await queue.TakeAsync(Worker("w"), CancellationToken.None))!;
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            renewed = await queue.RenewAsync(renewed, CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<WorkLeaseLostException>(() => queue.CompleteAsync(lapsed, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None));
        Assert.Contains("its lease ran out", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkUnitState.Done, (await queue.CompleteAsync(renewed, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_unit_whose_worker_process_is_gone_is_taken_over_at_once()
    {
        using var queue = Open();
        await queue.EnqueueAsync([Order(1m)], CancellationToken.None);
        using var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await exited.WaitForExitAsync();
        var dead = new WorkerIdentity("dead-worker", exited.Id, Environment.MachineName, 1);
        await queue.TakeAsync(dead, CancellationToken.None);

        var taken = await queue.TakeAsync(Worker("alive"), CancellationToken.None);

        Assert.NotNull(taken);
        Assert.True(taken.TakenOver);
    }

    [Fact]
    public async Task A_unit_handed_back_is_queued_again_and_takeable_after_its_delay()
    {
        using var queue = Open();
        await queue.EnqueueAsync([Order(1m)], CancellationToken.None);
        var lease = (await queue.TakeAsync(Worker("w1"), CancellationToken.None))!;

        var back = await queue.HandBackAsync(lease, "graceful stop", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(WorkUnitState.Queued, back.State);
        Assert.Null(back.Holder);
        Assert.Equal("handed back by worker w1: graceful stop", back.Message);
        Assert.Null(await queue.TakeAsync(Worker("w2"), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var again = await queue.TakeAsync(Worker("w2"), CancellationToken.None);
        Assert.False(again!.TakenOver);
        await Assert.ThrowsAsync<WorkLeaseLostException>(() => queue.CompleteAsync(lease, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None));
    }
}
