using Ferry.Engine.Journal;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// The PostgreSQL journal waits for its database without holding a thread: calls that cannot finish (another session
/// holds the table they read) return at once, unfinished, to their caller, and all finish once the database lets them.
/// A journal that blocked a thread per call would keep the caller in its first call.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalWaitTests(PostgresServer server) : IDisposable
{
    private const int Reads = 64;
    private readonly PostgresJournalStore _store = new(server);

    public void Dispose() => _store.Dispose();

    private static LegDescription Leg() => new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer",
        [new("type", "MAIN_FUNDING")], "spot", "funding", "USDT", 10m);

    [Fact]
    public async Task Reads_waiting_on_a_locked_table_return_to_their_one_caller_thread_and_all_finish_when_the_lock_goes()
    {
        await using var journal = _store.Open(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero)));
        var id = (await journal.PlanAsync(Leg())).Id;
        await using var holder = new NpgsqlConnection(_store.Database.ConnectionString());
        await holder.OpenAsync();
        await using var locked = await holder.BeginTransactionAsync();
        await using (var lockLegs = new NpgsqlCommand("LOCK TABLE legs IN ACCESS EXCLUSIVE MODE;", holder, locked)) await lockLegs.ExecuteNonQueryAsync();

        // One thread of its own starts every read while the table is locked. The bound is reached only by a journal that
        // keeps its caller in the first read (the lock goes only after this), never by a passing run.
        var started = new TaskCompletionSource<List<Task<JournalEntry?>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = new Thread(() =>
        {
            try
            {
                var calls = new List<Task<JournalEntry?>>(Reads);
                for (var i = 0; i < Reads; i++) calls.Add(journal.FindAsync(id).AsTask());
                started.SetResult(calls);
            }
            catch (Exception e)
            {
                // A blocking journal keeps this thread in the first read until the database gives up on it.
                started.SetException(new Xunit.Sdk.XunitException($"The caller's thread was kept inside a journal call until it failed ({e.Message}): the journal blocks a thread per call."));
            }
        }) { IsBackground = true, Name = "journal caller" };
        caller.Start();
        List<Task<JournalEntry?>> reads;
        try
        {
            reads = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await locked.RollbackAsync();
            throw new Xunit.Sdk.XunitException($"The caller's thread is still inside a journal call while the database holds it: the journal blocks a thread per call.");
        }

        Assert.All(reads, r => Assert.False(r.IsCompleted, "a read finished while the table was locked"));
        await locked.RollbackAsync();
        var entries = await Task.WhenAll(reads);
        Assert.All(entries, e => Assert.Equal(id, e!.Id));
    }
}
