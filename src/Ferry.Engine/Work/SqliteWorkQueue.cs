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
    private const string Columns = """
        id, kind, batch, account, amount, asset, from_addr, to_addr, confirmed_ms, state, created_ms, worker, worker_pid,
        worker_host, worker_started_ms, token, lease_until_ms, takes, finished_ms, journal_ids, message
        """;

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
            SqliteTransferJournal.Migrate(connection);
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
        foreach (var order in orders) Check(order);
        return Task.FromResult(Write(tx =>
        {
            var now = _time.GetUtcNow();
            var units = new List<WorkUnit>(orders.Count);
            foreach (var order in orders)
            {
                var id = NewId(now);
                using var cmd = Command("""
                    INSERT INTO work_units (id, kind, batch, account, amount, asset, from_addr, to_addr, confirmed_ms, state, created_ms, not_before_ms)
                    VALUES ($id, $kind, $batch, $account, $amount, $asset, $from, $to, $confirmed, 'queued', $now, $now);
                    """, tx);
                Set(cmd, "$id", id);
                Set(cmd, "$kind", WorkUnitStates.Name(order.Kind));
                Set(cmd, "$batch", order.Batch);
                Set(cmd, "$account", order.Account);
                Set(cmd, "$amount", WireDecimal.Format(order.Request.Amount));
                Set(cmd, "$asset", order.Request.Asset);
                Set(cmd, "$from", order.Request.From.ToString());
                Set(cmd, "$to", order.Request.To.ToString());
                Set(cmd, "$confirmed", order.ConfirmedAt?.ToUnixTimeMilliseconds());
                Set(cmd, "$now", now.ToUnixTimeMilliseconds());
                cmd.ExecuteNonQuery();
                units.Add(new WorkUnit(id, order, WorkUnitState.Queued, now, null, 0, null, [], null));
            }
            return (IReadOnlyList<WorkUnit>)units;
        }));
    }

    private static void Check(WorkOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.Account);
        if (order.Request.Amount <= 0) throw new ArgumentException("A queued move's amount is positive.", nameof(order));
        // What is stored must read back as the same move.
        if (WalletAddress.Parse(order.Request.From.ToString()) != order.Request.From || WalletAddress.Parse(order.Request.To.ToString()) != order.Request.To)
            throw new ArgumentException("A queued move's wallets must read back as written.", nameof(order));
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
            var abandoned = ReadAll(Command($"SELECT {Columns} FROM work_units WHERE state = 'running' ORDER BY seq;", tx))
                .FirstOrDefault(u => u.Holder!.Worker.Id != worker.Id && (u.Holder.LeaseUntil <= now || u.Holder.Worker.IsProvablyGone()));
            var unit = abandoned;
            if (unit is null)
            {
                using var next = Command($"SELECT {Columns} FROM work_units WHERE state = 'queued' AND not_before_ms <= $now ORDER BY seq LIMIT 1;", tx);
                Set(next, "$now", now.ToUnixTimeMilliseconds());
                unit = ReadAll(next).FirstOrDefault();
            }
            if (unit is null) return null;
            using var max = Command("SELECT COALESCE(MAX(token), 0) + 1 FROM work_units;", tx);
            var token = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
            var until = now + _options.Lease;
            using var take = Command("""
                UPDATE work_units SET state = 'running', worker = $w, worker_pid = $pid, worker_host = $host, worker_started_ms = $started,
                  token = $t, lease_until_ms = $until, takes = takes + 1,
                  message = CASE WHEN $over THEN $note ELSE message END
                WHERE id = $id;
                """, tx);
            Set(take, "$w", worker.Id);
            Set(take, "$pid", worker.Pid);
            Set(take, "$host", worker.Host);
            Set(take, "$started", worker.StartedAtMs);
            Set(take, "$t", token);
            Set(take, "$until", until.ToUnixTimeMilliseconds());
            Set(take, "$over", abandoned is not null);
            Set(take, "$note", abandoned is null ? null : $"taken over from worker {abandoned.Holder!.Worker.Id}");
            Set(take, "$id", unit.Id);
            take.ExecuteNonQuery();
            var held = unit with
            {
                State = WorkUnitState.Running, Holder = new WorkHolder(worker, token, until), Takes = unit.Takes + 1,
            };
            return new WorkLease(held, worker, token, until, abandoned is not null);
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
            var unit = Fenced(lease, "lease_until_ms = $until", cmd => Set(cmd, "$until", until.ToUnixTimeMilliseconds()), tx);
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
        return Task.FromResult(Write(tx => Fenced(lease,
            "state = $state, lease_until_ms = NULL, finished_ms = $now, journal_ids = $ids, message = $message",
            cmd =>
            {
                Set(cmd, "$state", WorkUnitStates.Name(result.State));
                Set(cmd, "$ids", string.Join(' ', result.JournalIds));
                Set(cmd, "$message", result.Message);
            }, tx)));
    }

    /// <inheritdoc/>
    public Task<WorkUnit> HandBackAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write(tx => Fenced(lease,
            "state = 'queued', worker = NULL, worker_pid = NULL, worker_host = NULL, worker_started_ms = NULL, lease_until_ms = NULL, not_before_ms = $now + $delay, message = $message",
            cmd =>
            {
                Set(cmd, "$delay", (long)Math.Max(0, delay.TotalMilliseconds));
                Set(cmd, "$message", $"handed back by worker {lease.Worker.Id}: {reason}");
            }, tx)));
    }

    /// <summary>The holder's half of fencing: the update applies only to the unit still running under this lease's token
    /// with its lease not run out; otherwise nothing is written and the holder hears why.</summary>
    private WorkUnit Fenced(WorkLease lease, string assignments, Action<SqliteCommand> parameters, SqliteTransaction tx)
    {
        var now = _time.GetUtcNow();
        using var cmd = Command($"""
            UPDATE work_units SET {assignments}
            WHERE id = $id AND state = 'running' AND token = $t AND lease_until_ms > $now
            RETURNING {Columns};
            """, tx);
        Set(cmd, "$id", lease.Unit.Id);
        Set(cmd, "$t", lease.Token);
        Set(cmd, "$now", now.ToUnixTimeMilliseconds());
        parameters(cmd);
        if (ReadAll(cmd).FirstOrDefault() is { } written) return written;
        var current = Find(lease.Unit.Id, tx);
        throw new WorkLeaseLostException(lease.Unit.Id, current switch
        {
            null => "it is gone",
            { Holder: { } h } when h.Token != lease.Token => $"worker {h.Worker.Id} took it over",
            { State: var s } when s != WorkUnitState.Running => $"it is {WorkUnitStates.Name(s)} now",
            _ when current.Holder?.Token != lease.Token => "another worker took it over",
            _ => "its lease ran out",
        });
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
        using var cmd = Command($"SELECT {Columns} FROM work_units WHERE id = $id;", tx);
        Set(cmd, "$id", id);
        return ReadAll(cmd).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> ListAsync(IReadOnlyCollection<WorkUnitState>? states, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Locked(() =>
        {
            var filter = states is { Count: > 0 } ? $"WHERE state IN ({string.Join(", ", states.Select(s => $"'{WorkUnitStates.Name(s)}'"))})" : "";
            using var cmd = Command($"SELECT {Columns} FROM work_units {filter} ORDER BY seq LIMIT $limit;", null);
            Set(cmd, "$limit", limit);
            return (IReadOnlyList<WorkUnit>)ReadAll(cmd);
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<WorkUnitState, int>> CountsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Locked(() =>
        {
            using var cmd = Command("SELECT state, COUNT(*) FROM work_units GROUP BY state;", null);
            var counts = new Dictionary<WorkUnitState, int>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (WorkUnitStates.TryParse(r.GetString(0), out var state)) counts[state] = r.GetInt32(1);
            }
            return (IReadOnlyDictionary<WorkUnitState, int>)counts;
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

    private static List<WorkUnit> ReadAll(SqliteCommand cmd)
    {
        var list = new List<WorkUnit>();
        using (cmd)
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(Read(r));
        }
        return list;
    }

    private static WorkUnit Read(SqliteDataReader r)
    {
        var kind = Enum.GetValues<WorkKind>().FirstOrDefault(k => WorkUnitStates.Name(k) == r.GetString(1));
        if (!WorkUnitStates.TryParse(r.GetString(9), out var state))
            throw new JournalCorruptException($"Work unit {r.GetString(0)} holds an unknown state '{r.GetString(9)}'; Ferry will not act on a queue it cannot read.");
        var request = new TransferRequest(decimal.Parse(r.GetString(4), NumberStyles.Number, CultureInfo.InvariantCulture), r.GetString(5),
            WalletAddress.Parse(r.GetString(6)), WalletAddress.Parse(r.GetString(7)));
        var order = new WorkOrder(kind, r.GetString(3), request, r.IsDBNull(8) ? null : Ms(r.GetInt64(8)), r.IsDBNull(2) ? null : r.GetString(2));
        var holder = state == WorkUnitState.Running && !r.IsDBNull(11)
            ? new WorkHolder(new WorkerIdentity(r.GetString(11), r.GetInt32(12), r.GetString(13), r.GetInt64(14)), r.GetInt64(15), Ms(r.GetInt64(16)))
            : null;
        var ids = r.IsDBNull(19) ? [] : r.GetString(19).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new WorkUnit(r.GetString(0), order, state, Ms(r.GetInt64(10)), holder, r.GetInt32(17), r.IsDBNull(18) ? null : Ms(r.GetInt64(18)),
            ids, r.IsDBNull(20) ? null : r.GetString(20));
    }

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string NewId(DateTimeOffset now) =>
        "W" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private static void Set(SqliteCommand cmd, string name, object? value) => cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
