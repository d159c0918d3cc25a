using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Engine.Work;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Engine.Tests.Work;

/// <summary>The work queue in the journal's PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkQueueTests(PostgresServer server) : WorkQueueTests(new PostgresJournalStore(server))
{
    private PostgresJournalAddress Address => ((PostgresJournalStore)Store).Address;

    [Fact]
    public async Task Many_takers_on_separate_connections_under_the_servers_clock_never_get_one_unit_twice()
    {
        const int units = 120;
        const int takers = 8;
        await PostgresTransferJournal.MigrateAsync(Address);
        var queues = await Task.WhenAll(Enumerable.Range(0, takers).Select(_ => PostgresWorkQueue.OpenAsync(Address)));
        try
        {
            await queues[0].EnqueueAsync([.. Enumerable.Range(1, units).Select(i => Order(i))], CancellationToken.None);
            using var go = new Barrier(takers);
            var taken = await Task.WhenAll(queues.Select((q, i) => Task.Run(async () =>
            {
                var mine = new List<(string Unit, long Token)>();
                var me = new WorkerIdentity($"w{i}", Environment.ProcessId, Environment.MachineName, 0);
                go.SignalAndWait();
                while (await q.TakeAsync(me, CancellationToken.None) is { } lease)
                {
                    mine.Add((lease.Unit.Id, lease.Token));
                    lease = await q.RenewAsync(lease, CancellationToken.None);
                    await q.CompleteAsync(lease, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None);
                }
                return mine;
            })));

            var all = taken.SelectMany(t => t).ToList();
            Assert.Equal(units, all.Count);
            Assert.Equal(units, all.Select(t => t.Unit).Distinct().Count());
            Assert.Equal(units, all.Select(t => t.Token).Distinct().Count());
            Assert.Equal(units, (await queues[0].CountsAsync(CancellationToken.None))[WorkUnitState.Done]);
            Assert.All(await queues[0].ListAsync(null, units, CancellationToken.None), u => Assert.Equal(1, u.Takes));
        }
        finally
        {
            foreach (var q in queues) q.Dispose();
        }
    }

    [Fact]
    public async Task A_call_waiting_on_the_server_holds_neither_its_callers_thread_nor_the_queues_other_calls()
    {
        await PostgresTransferJournal.MigrateAsync(Address);
        using var queue = await PostgresWorkQueue.OpenAsync(Address);
        await queue.EnqueueAsync([Order(1m), Order(2m), Order(3m)], CancellationToken.None);
        var me = new WorkerIdentity("w1", Environment.ProcessId, Environment.MachineName, 0);
        var first = (await queue.TakeAsync(me, CancellationToken.None))!;
        var second = (await queue.TakeAsync(me, CancellationToken.None))!;

        // Another session holds the first unit's row, so renewing that lease waits on the server until it lets go.
        await using var holder = new NpgsqlConnection(Address.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM work_units WHERE id = @id FOR UPDATE;", holder, held))
        {
            lockRow.Parameters.AddWithValue("id", first.Unit.Id);
            await lockRow.ExecuteNonQueryAsync();
        }

        // The bounds are reached only by a queue that keeps its caller, or its other calls, behind the waiting one (the
        // row goes only after them), never by a passing run.
        var started = new TaskCompletionSource<Task<WorkLease>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = new Thread(() =>
        {
            try
            {
                started.SetResult(queue.RenewAsync(first, CancellationToken.None));
            }
            catch (Exception e)
            {
                // A blocking queue keeps this thread in the renewal until the database gives up on it.
                started.SetException(new Xunit.Sdk.XunitException($"The caller's thread was kept inside the renewal until it failed ({e.Message}): the queue blocks a thread per call."));
            }
        }) { IsBackground = true, Name = "queue caller" };
        caller.Start();
        var released = false;
        try
        {
            var waiting = await Guarded(started.Task, "The caller's thread is still inside the renewal while the server holds its row: the queue blocks a thread per call.");
            var renewed = await Guarded(queue.RenewAsync(second, CancellationToken.None),
                "Renewing another unit waited for the renewal the server holds: the queue runs one call at a time.");
            var third = await Guarded(queue.TakeAsync(me, CancellationToken.None),
                "A take waited for the renewal the server holds: the queue runs one call at a time.");

            Assert.False(waiting.IsCompleted, "the held row's renewal finished while the row was held");
            Assert.Equal(second.Unit.Id, renewed.Unit.Id);
            Assert.NotNull(third);
            released = true;
            await held.RollbackAsync();
            Assert.Equal(first.Token, (await waiting).Token);
        }
        finally
        {
            if (!released) await held.RollbackAsync();
        }
    }

    private static async Task<T> Guarded<T>(Task<T> call, string failure)
    {
        try
        {
            return await call.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(failure);
        }
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_opened_again_and_the_take_goes_through()
    {
        await PostgresTransferJournal.MigrateAsync(Address);
        using var queue = await PostgresWorkQueue.OpenAsync(Address);
        await queue.EnqueueAsync([Order(3)], CancellationToken.None);

        // The server ends every other session on this database, the queue's long-lived connection among them.
        Assert.True(TerminateOtherBackends() >= 1);

        var me = new WorkerIdentity("w1", Environment.ProcessId, Environment.MachineName, 0);
        var lease = await queue.TakeAsync(me, CancellationToken.None);
        Assert.NotNull(lease);
        await queue.CompleteAsync(lease, new WorkResult(WorkUnitState.Done, [], "done"), CancellationToken.None);
        Assert.Equal(1, (await queue.CountsAsync(CancellationToken.None))[WorkUnitState.Done]);
    }

    private int TerminateOtherBackends()
    {
        using var c = new NpgsqlConnection(Address.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();", c);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_schema_2_journal_gets_the_queue_table_from_migrate_and_a_queue_on_an_unmigrated_one_is_refused()
    {
        await PostgresTransferJournal.MigrateAsync(Address);
        Store.Execute("DROP TABLE work_units; DROP SEQUENCE work_unit_tokens; ALTER TABLE legs DROP COLUMN requester; UPDATE ferry_schema SET version = 2;");

        var older = await Assert.ThrowsAsync<JournalCorruptException>(() => PostgresWorkQueue.OpenAsync(Address));
        Assert.Contains("ferry journal migrate", older.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresTransferJournal.SchemaVersion, await PostgresTransferJournal.MigrateAsync(Address));

        using var queue = await PostgresWorkQueue.OpenAsync(Address);
        Assert.Single(await queue.EnqueueAsync([Order(1m)], CancellationToken.None));
        await using var c = new NpgsqlConnection(((PostgresJournalStore)Store).Database.ConnectionString());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT version FROM ferry_schema;", c);
        Assert.Equal(PostgresTransferJournal.SchemaVersion, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_queue_on_a_wrong_password_is_refused_in_one_sentence_without_the_password()
    {
        await PostgresTransferJournal.MigrateAsync(Address);
        var wrong = PostgresJournalAddress.Parse(((PostgresJournalStore)Store).Database.ConnectionString("not-the-password-4711"));

        var refused = await Assert.ThrowsAsync<JournalUnavailableException>(() => PostgresWorkQueue.OpenAsync(wrong));

        Assert.Contains("refused the login", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", refused.Message, StringComparison.Ordinal);
    }
}
