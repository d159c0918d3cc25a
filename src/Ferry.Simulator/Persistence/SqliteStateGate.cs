using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// Keeps one process's in-memory state coherent with a state file that other processes may serve too.
/// <list type="bullet">
/// <item>One call at a time per process (an async turnstile), so the one connection is never used concurrently.</item>
/// <item>A write takes SQLite's write lock (<c>BEGIN IMMEDIATE</c>, WAL mode) before it reads anything, so no other
/// process can commit between its check and its commit; it waits for the lock in short steps up to a bound and then
/// gives up with <see cref="StateBusyException"/> (never SQLite's "database is locked").</item>
/// <item>Inside the turn, one cheap check — <c>PRAGMA data_version</c>, which changes only when another connection
/// committed — decides whether memory is stale; only then is the state reloaded from the file (in one read
/// transaction, so it is a consistent snapshot).</item>
/// <item>A write that throws, or whose commit fails, is rolled back and memory is marked stale, so the next call
/// reloads what the file holds.</item>
/// <item>Group commit: async writes queue up while another write holds the turn, and the next writer to get the turn
/// runs every queued write (each in its own savepoint) in one transaction with one commit, so one fsync serves them
/// all. No write's caller hears back before the commit that made it durable.</item>
/// </list>
/// </summary>
internal sealed class SqliteStateGate : IStateGate, IDisposable
{
    /// <summary>Marks memory as not known to match any version of the file.</summary>
    private const long Stale = long.MinValue;

    /// <summary>At most this many queued writes share one transaction (bounds how long readers wait for a turn).</summary>
    private const int MaxBatch = 256;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<QueuedWrite> _queue = new();
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _dataVersion;
    private readonly TimeSpan _lockTimeout;
    private Action? _reload;
    private long _loadedVersion = Stale;
    private long _commits;

    public SqliteStateGate(SqliteConnection connection, TimeSpan lockTimeout)
    {
        _connection = connection;
        _lockTimeout = lockTimeout;
        // Prepared once on the raw handle: the check runs on every call, and a command's reader cost more than the check.
        var rc = raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out _dataVersion);
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
    }

    /// <summary>Sets how memory is rebuilt from the file (called inside a transaction); until it is set, the first
    /// write (start-up: create or load) only records which version memory holds.</summary>
    public void UseReload(Action reload) => _reload = reload;

    public async ValueTask<T> ReadAsync<T>(Func<T> read, CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return ReadInTurn(read);
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask<T> WriteAsync<T>(Func<T> write, CancellationToken ct)
    {
        var item = new QueuedWrite<T>(write);
        lock (_queue) _queue.Enqueue(item);
        try
        {
            await _turn.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Still queued: it never runs. Already taken by another writer's batch: it runs, so wait for its answer.
            if (Withdraw(item)) throw;
            return await item.Task.ConfigureAwait(false);
        }
        try
        {
            // A batch that stopped early (a write threw, or it was full) leaves this one queued: run another.
            while (IsQueued(item)) await RunBatchAsync(item, ct).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
        return await item.Task.ConfigureAwait(false);
    }

    public T Read<T>(Func<T> read)
    {
        _turn.Wait();
        try
        {
            return ReadInTurn(read);
        }
        finally
        {
            _turn.Release();
        }
    }

    public T Write<T>(Func<T> write)
    {
        _turn.Wait();
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (!TryBeginImmediate())
            {
                ThrowIfWaitedTooLong(started);
                Thread.Sleep(1);
            }
            return WriteInTransaction(write);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>How many write transactions this gate has committed (one per batch of queued writes).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    public void Dispose()
    {
        _dataVersion.Dispose();
        _turn.Dispose();
    }

    /// <summary>Holding the turn: takes the write lock, runs the queued writes (<paramref name="own"/> among them) in one
    /// transaction, commits once, and only then hands each caller its answer. A write that throws is rolled back to its
    /// savepoint, the ones before it commit, memory is marked stale, and the ones after it stay queued for the next batch.
    /// <paramref name="own"/> may stay queued too; the caller then runs another batch.</summary>
    private async Task RunBatchAsync(QueuedWrite own, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (!TryBeginImmediate())
            {
                ThrowIfWaitedTooLong(started);
                await Task.Delay(1, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            Withdraw(own);
            throw;
        }

        var ran = new List<QueuedWrite>();
        var committed = false;
        try
        {
            var version = DataVersion();
            if (version != _loadedVersion) Reload(version);
            var failed = false;
            while (!failed && ran.Count < MaxBatch && TryTake(out var next))
            {
                ran.Add(next);
                Exec("SAVEPOINT queued_write");
                failed = !next.Run();
                Exec(failed ? "ROLLBACK TO queued_write" : "RELEASE queued_write");
                if (failed) Exec("RELEASE queued_write");
            }
            Exec("COMMIT");
            committed = true;
            Interlocked.Increment(ref _commits);
            // Our own commit leaves data_version as it was, so memory still matches `version` (unless a write threw).
            _loadedVersion = failed ? Stale : version;
        }
        catch (Exception e)
        {
            foreach (var write in ran) write.FailUnlessFailed(e);
            if (Withdraw(own))
            {
                own.FailUnlessFailed(e);
                own.Answer();
            }
        }
        finally
        {
            if (!committed)
            {
                _loadedVersion = Stale;
                if (raw.sqlite3_get_autocommit(_connection.Handle) == 0) raw.sqlite3_exec(_connection.Handle, "ROLLBACK");
            }
            foreach (var write in ran) write.Answer();
        }
    }

    private bool TryTake(out QueuedWrite write)
    {
        lock (_queue)
        {
            while (_queue.TryDequeue(out write!))
            {
                if (write.State == QueuedWrite.Queued)
                {
                    write.State = QueuedWrite.Taken;
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Takes a write that no batch has taken out of the queue; false when a batch already took it.</summary>
    private bool Withdraw(QueuedWrite write)
    {
        lock (_queue)
        {
            if (write.State != QueuedWrite.Queued) return false;
            write.State = QueuedWrite.Withdrawn;
            return true;
        }
    }

    private bool IsQueued(QueuedWrite write)
    {
        lock (_queue) return write.State == QueuedWrite.Queued;
    }

    private T ReadInTurn<T>(Func<T> read)
    {
        if (DataVersion() != _loadedVersion)
        {
            // A snapshot: the version and the rows it describes are read in one read transaction.
            Exec("BEGIN");
            try
            {
                Reload(DataVersion());
            }
            finally
            {
                Exec("COMMIT");
            }
        }
        return read();
    }

    private T WriteInTransaction<T>(Func<T> write)
    {
        var committed = false;
        try
        {
            var version = DataVersion();
            if (version != _loadedVersion) Reload(version);
            var result = write();
            Exec("COMMIT");
            committed = true;
            Interlocked.Increment(ref _commits);
            // Our own commit leaves data_version as it was, so memory still matches `version`.
            _loadedVersion = version;
            return result;
        }
        finally
        {
            if (!committed)
            {
                _loadedVersion = Stale;
                if (raw.sqlite3_get_autocommit(_connection.Handle) == 0) raw.sqlite3_exec(_connection.Handle, "ROLLBACK");
            }
        }
    }

    private void Reload(long version)
    {
        _loadedVersion = Stale;
        _reload?.Invoke();
        _loadedVersion = version;
    }

    /// <summary>One attempt at the write lock, without SQLite's or Microsoft.Data.Sqlite's own waiting (the caller
    /// polls in 1 ms steps, which keeps a waiting process from being starved by a busy one).</summary>
    private bool TryBeginImmediate()
    {
        var rc = raw.sqlite3_exec(_connection.Handle, "BEGIN IMMEDIATE");
        if (rc == raw.SQLITE_OK) return true;
        if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED) return false;
        throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
    }

    private void ThrowIfWaitedTooLong(long started)
    {
        var waited = Stopwatch.GetElapsedTime(started);
        if (waited >= _lockTimeout) throw new StateBusyException(waited);
    }

    private long DataVersion()
    {
        try
        {
            var rc = raw.sqlite3_step(_dataVersion);
            if (rc != raw.SQLITE_ROW) throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
            return raw.sqlite3_column_int64(_dataVersion, 0);
        }
        finally
        {
            raw.sqlite3_reset(_dataVersion);
        }
    }

    private void Exec(string sql)
    {
        var rc = raw.sqlite3_exec(_connection.Handle, sql);
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);
    }
}
