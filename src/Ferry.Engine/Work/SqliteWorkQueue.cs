using System.Globalization;
using System.Security.Cryptography;
using Ferry.Core.Money;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;
using Microsoft.Data.Sqlite;

namespace Ferry.Engine.Work;

/// <summary>
/// The work queue in the journal's own SQLite file (table <c>work_units</c>, journal schema 5), for workers on one
/// machine. Every take and every holder's write is one <c>BEGIN IMMEDIATE</c> transaction (SQLite's write lock up front),
/// so two takers never get one unit; a holder's write names its unit, its token and a lease still running, or it is
/// refused. Several instances and processes may open one file at once.
/// </summary>
public sealed class SqliteWorkQueue : IWorkQueue
{
    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly WorkQueueOptions _options;
    private readonly Lock _gate = new();
    private bool _disposed;

    private SqliteWorkQueue(SqliteConnection connection, string path, TimeProvider time, WorkQueueOptions options)
    {
        _connection = connection;
        _path = path;
        _time = time;
        _options = options;
    }

    /// <summary>Opens the queue in the journal file at <paramref name="path"/> (creating or migrating the journal's schema
    /// like <see cref="SqliteTransferJournal.Open"/>, with the same refusals).</summary>
    public static SqliteWorkQueue Open(string path, TimeProvider? time = null, WorkQueueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new WorkQueueOptions();
        options.Validate();
        // The journal's opener creates the folder, the file and the schema and refuses what it cannot use.
        SqliteTransferJournal.Open(path, time).Dispose();
        var full = Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            connection.Open();
            Exec(connection, "PRAGMA busy_timeout=30000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            SqliteTransferJournal.Migrate(connection, path, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            return new SqliteWorkQueue(connection, full, time ?? TimeProvider.System, options);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteTransferJournal.Translate(e, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Schema 5 of the journal file: the queue's table. <c>seq</c> is the queue order; <c>token</c> only grows.</summary>
    internal static void CreateSchema(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            CREATE TABLE work_units (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, batch TEXT,
              account TEXT NOT NULL, amount TEXT NOT NULL, asset TEXT NOT NULL, from_addr TEXT NOT NULL, to_addr TEXT NOT NULL,
              confirmed_ms INTEGER, state TEXT NOT NULL, created_ms INTEGER NOT NULL, not_before_ms INTEGER NOT NULL,
              worker TEXT, worker_pid INTEGER, worker_host TEXT, worker_started_ms INTEGER,
              token INTEGER NOT NULL DEFAULT 0, lease_until_ms INTEGER, takes INTEGER NOT NULL DEFAULT 0,
              finished_ms INTEGER, journal_ids TEXT, message TEXT);
            CREATE INDEX work_units_state ON work_units(state, not_before_ms, seq);
            """;
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> EnqueueAsync(IReadOnlyList<WorkOrder> orders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ct.ThrowIfCancellationRequested();
        foreach (var order in orders) WorkUnitRows.Check(order);
        return Task.FromResult(Write(tx =>
        {
            var now = _time.GetUtcNow();
            var units = new List<WorkUnit>(orders.Count);
            foreach (var order in orders)
            {
                using var cmd = Command(WorkUnitRows.Insert, tx);
                units.Add(WorkUnitRows.BindInsert(cmd, order, now));
                cmd.ExecuteNonQuery();
            }
            return (IReadOnlyList<WorkUnit>)units;
        }));
    }

    /// <inheritdoc/>
    public Task<WorkLease?> TakeAsync(WorkerIdentity worker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write(tx =>
        {
            var now = _time.GetUtcNow();
            // Abandoned work first: its money may be mid-route, and its unresolved legs block nothing else until settled.
            var abandoned = WorkUnitRows.ReadAll(Command($"SELECT {WorkUnitRows.Columns} FROM work_units WHERE state = 'running' ORDER BY seq;", tx))
                .FirstOrDefault(u => u.Holder!.Worker.Id != worker.Id && (u.Holder.LeaseUntil <= now || u.Holder.Worker.IsProvablyGone()));
            var unit = abandoned;
            if (unit is null)
            {
                using var next = Command($"SELECT {WorkUnitRows.Columns} FROM work_units WHERE state = 'queued' AND not_before_ms <= @now ORDER BY seq LIMIT 1;", tx);
                Set(next, "@now", now.ToUnixTimeMilliseconds());
                unit = WorkUnitRows.ReadAll(next).FirstOrDefault();
            }
            if (unit is null) return null;
            using var max = Command("SELECT COALESCE(MAX(token), 0) + 1 FROM work_units;", tx);
            var token = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var take = Command(WorkUnitRows.Take, tx);
            var lease = WorkUnitRows.BindTake(take, unit, worker, token, now + _options.Lease, abandoned is not null);
            take.ExecuteNonQuery();
            return lease;
        }));
    }

    /// <inheritdoc/>
    public Task<WorkLease> RenewAsync(WorkLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write(tx =>
        {
            var until = _time.GetUtcNow() + _options.Lease;
            var unit = Fenced(lease, WorkUnitRows.RenewAssignments, cmd => Set(cmd, "@until", until.ToUnixTimeMilliseconds()), tx);
            return lease with { LeaseUntil = until, Unit = unit };
        }));
    }

    /// <inheritdoc/>
    public Task<WorkUnit> CompleteAsync(WorkLease lease, WorkResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(result);
        result.Validate();
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write(tx => Fenced(lease, WorkUnitRows.CompleteAssignments, cmd => WorkUnitRows.BindComplete(cmd, result), tx)));
    }

    /// <inheritdoc/>
    public Task<WorkUnit> HandBackAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write(tx => Fenced(lease, WorkUnitRows.HandBackAssignments, cmd => WorkUnitRows.BindHandBack(cmd, lease, reason, delay), tx)));
    }

    /// <summary>The holder's half of fencing: the update applies only to the unit still running under this lease's token
    /// with its lease not run out; otherwise nothing is written and the holder hears why.</summary>
    private WorkUnit Fenced(WorkLease lease, string assignments, Action<SqliteCommand> parameters, SqliteTransaction tx)
    {
        using var cmd = Command(WorkUnitRows.Fenced(assignments), tx);
        WorkUnitRows.BindFence(cmd, lease, _time.GetUtcNow());
        parameters(cmd);
        return WorkUnitRows.ReadAll(cmd).FirstOrDefault() ?? throw WorkUnitRows.Lost(lease, Find(lease.Unit.Id, tx));
    }

    /// <inheritdoc/>
    public Task<WorkUnit?> FindAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Locked(() => Find(id, null)));
    }

    private WorkUnit? Find(string id, SqliteTransaction? tx)
    {
        using var cmd = Command(WorkUnitRows.Find, tx);
        Set(cmd, "@id", id);
        return WorkUnitRows.ReadAll(cmd).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> ListAsync(IReadOnlyCollection<WorkUnitState>? states, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Locked(() =>
        {
            using var cmd = Command(WorkUnitRows.List(states), null);
            Set(cmd, "@limit", limit);
            return (IReadOnlyList<WorkUnit>)WorkUnitRows.ReadAll(cmd);
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<WorkUnitState, int>> CountsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Locked(() =>
        {
            using var cmd = Command(WorkUnitRows.Counts, null);
            return WorkUnitRows.ReadCounts(cmd);
        }));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    private T Write<T>(Func<SqliteTransaction, T> work) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var result = work(tx);
        tx.Commit();
        return result;
    });

    private T Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return work();
            }
            catch (SqliteException e)
            {
                throw SqliteTransferJournal.Translate(e, _path);
            }
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Set(SqliteCommand cmd, string name, object? value) => WorkUnitRows.Set(cmd, name, value);

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
