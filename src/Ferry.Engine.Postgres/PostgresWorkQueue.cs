using System.Data;
using System.Globalization;
using Ferry.Engine.Journal;
using Ferry.Engine.Work;
using Npgsql;

namespace Ferry.Engine.Postgres;

/// <summary>
/// The work queue in the journal's PostgreSQL database (table <c>work_units</c>, journal schema 2), for workers on many
/// machines. A take locks the oldest takeable unit with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent takers pass over each
/// other's rows instead of waiting or sharing one; tokens come from a sequence, which never hands one out twice. Leases run
/// on the database server's clock (<c>now()</c>, read once per transaction), the one clock every worker shares; a holder's
/// write names its unit, its token and a lease still running at that clock, or it is refused. Same contract as
/// <see cref="SqliteWorkQueue"/>.
/// </summary>
public sealed class PostgresWorkQueue : IWorkQueue
{
    private NpgsqlConnection _connection;
    private readonly PostgresJournalAddress _address;
    private readonly TimeProvider? _clock;
    private readonly WorkQueueOptions _options;
    private readonly Lock _gate = new();
    private bool _disposed;

    private PostgresWorkQueue(NpgsqlConnection connection, PostgresJournalAddress address, TimeProvider? clock, WorkQueueOptions options)
    {
        _connection = connection;
        _address = address;
        _clock = clock;
        _options = options;
    }

    /// <summary>Opens the queue in the journal database <paramref name="address"/> names, with the journal's refusals (no
    /// schema, an older or newer one, an unreachable server, a refused login). <paramref name="clock"/> replaces the
    /// database server's clock for leases and times; leave it null outside tests, so every worker reads one clock.</summary>
    public static PostgresWorkQueue Open(PostgresJournalAddress address, WorkQueueOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new WorkQueueOptions();
        options.Validate();
        // The journal's opener checks the schema and refuses what it cannot use.
        PostgresTransferJournal.Open(address).Dispose();
        var connection = new NpgsqlConnection(address.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresWorkQueue(connection, address, clock, options);
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw PostgresTransferJournal.Translate(e, address);
        }
    }

    /// <summary>Schema 2 of the journal database: the queue's table and the sequence its fencing tokens come from.</summary>
    internal static void CreateSchema(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("""
            CREATE SEQUENCE work_unit_tokens;
            CREATE TABLE work_units (
              seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, kind text NOT NULL, batch text,
              account text NOT NULL, amount text NOT NULL, asset text NOT NULL, from_addr text NOT NULL, to_addr text NOT NULL,
              confirmed_ms bigint, state text NOT NULL, created_ms bigint NOT NULL, not_before_ms bigint NOT NULL,
              worker text, worker_pid integer, worker_host text, worker_started_ms bigint,
              token bigint NOT NULL DEFAULT 0, lease_until_ms bigint, takes integer NOT NULL DEFAULT 0,
              finished_ms bigint, journal_ids text, message text);
            CREATE INDEX work_units_state ON work_units(state, not_before_ms, seq);
            """, c, tx);
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> EnqueueAsync(IReadOnlyList<WorkOrder> orders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ct.ThrowIfCancellationRequested();
        foreach (var order in orders) WorkUnitRows.Check(order);
        return Task.FromResult(Write((tx, now) =>
        {
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
        return Task.FromResult(Write((tx, now) =>
        {
            // Abandoned work first: another worker's unit whose lease ran out, or (on this machine) whose process is gone.
            // Rows another taker has locked are skipped; the ones read here stay locked until this transaction ends.
            using var running = Command($"""
                SELECT {WorkUnitRows.Columns} FROM work_units
                WHERE state = 'running' AND worker <> @w AND (lease_until_ms <= @now OR worker_host = @host)
                ORDER BY seq FOR UPDATE SKIP LOCKED;
                """, tx);
            WorkUnitRows.Set(running, "@w", worker.Id);
            WorkUnitRows.Set(running, "@now", now.ToUnixTimeMilliseconds());
            WorkUnitRows.Set(running, "@host", worker.Host);
            var abandoned = WorkUnitRows.ReadAll(running)
                .FirstOrDefault(u => u.Holder!.LeaseUntil <= now || u.Holder.Worker.IsProvablyGone());
            var unit = abandoned;
            if (unit is null)
            {
                using var next = Command($"""
                    SELECT {WorkUnitRows.Columns} FROM work_units WHERE state = 'queued' AND not_before_ms <= @now
                    ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED;
                    """, tx);
                WorkUnitRows.Set(next, "@now", now.ToUnixTimeMilliseconds());
                unit = WorkUnitRows.ReadAll(next).FirstOrDefault();
            }
            if (unit is null) return null;
            using var sequence = Command("SELECT nextval('work_unit_tokens');", tx);
            var token = Convert.ToInt64(sequence.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        return Task.FromResult(Write((tx, now) =>
        {
            var until = now + _options.Lease;
            var unit = Fenced(lease, WorkUnitRows.RenewAssignments, cmd => WorkUnitRows.Set(cmd, "@until", until.ToUnixTimeMilliseconds()), tx, now);
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
        return Task.FromResult(Write((tx, now) => Fenced(lease, WorkUnitRows.CompleteAssignments, cmd => WorkUnitRows.BindComplete(cmd, result), tx, now)));
    }

    /// <inheritdoc/>
    public Task<WorkUnit> HandBackAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write((tx, now) =>
            Fenced(lease, WorkUnitRows.HandBackAssignments, cmd => WorkUnitRows.BindHandBack(cmd, lease, reason, delay), tx, now)));
    }

    /// <summary>The holder's half of fencing (see <see cref="WorkUnitRows.Fenced"/>): nothing is written unless the unit
    /// still runs under this lease's token with its lease not run out at the database's clock.</summary>
    private WorkUnit Fenced(WorkLease lease, string assignments, Action<NpgsqlCommand> parameters, NpgsqlTransaction tx, DateTimeOffset now)
    {
        using var cmd = Command(WorkUnitRows.Fenced(assignments), tx);
        WorkUnitRows.BindFence(cmd, lease, now);
        parameters(cmd);
        return WorkUnitRows.ReadAll(cmd).FirstOrDefault() ?? throw WorkUnitRows.Lost(lease, Find(lease.Unit.Id, tx));
    }

    /// <inheritdoc/>
    public Task<WorkUnit?> FindAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write((tx, _) => Find(id, tx)));
    }

    private WorkUnit? Find(string id, NpgsqlTransaction tx)
    {
        using var cmd = Command(WorkUnitRows.Find, tx);
        WorkUnitRows.Set(cmd, "@id", id);
        return WorkUnitRows.ReadAll(cmd).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> ListAsync(IReadOnlyCollection<WorkUnitState>? states, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write((tx, _) =>
        {
            using var cmd = Command(WorkUnitRows.List(states), tx);
            WorkUnitRows.Set(cmd, "@limit", limit);
            return (IReadOnlyList<WorkUnit>)WorkUnitRows.ReadAll(cmd);
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<WorkUnitState, int>> CountsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Write((tx, _) =>
        {
            using var cmd = Command(WorkUnitRows.Counts, tx);
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

    /// <summary>Runs <paramref name="work"/> in one transaction (committed when it returns) at the queue's clock, read once
    /// at the start, and turns Npgsql's failures into the journal's one-sentence exceptions. A connection the server
    /// dropped (restart, failover, pg_terminate_backend, an idle timeout) is opened again: when the drop is found before
    /// the commit is sent, none of the transaction took effect, so it runs once more on the new connection; a drop while
    /// committing leaves the outcome unknown and is reported, never repeated.</summary>
    private T Write<T>(Func<NpgsqlTransaction, DateTimeOffset, T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var attempt = 0; ; attempt++)
            {
                var committing = false;
                try
                {
                    if (_connection.State != ConnectionState.Open) Reopen();
                    using var tx = _connection.BeginTransaction();
                    var result = work(tx, Now(tx));
                    committing = true;
                    tx.Commit();
                    return result;
                }
                catch (NpgsqlException) when (!committing && attempt == 0 && _connection.State != ConnectionState.Open)
                {
                    // Dropped before the commit: nothing of this transaction took effect; once more on a new connection.
                }
                catch (NpgsqlException e)
                {
                    throw PostgresTransferJournal.Translate(e, _address);
                }
            }
        }
    }

    private void Reopen()
    {
        // Idle pooled connections were most likely dropped with it (a restart ends them all): never hand one of them out.
        NpgsqlConnection.ClearPool(_connection);
        _connection.Dispose();
        _connection = new NpgsqlConnection(_address.ConnectionString);
        _connection.Open();
    }

    /// <summary>The database server's clock (its transaction time, in whole milliseconds), unless a clock was given.</summary>
    private DateTimeOffset Now(NpgsqlTransaction tx)
    {
        if (_clock is not null) return _clock.GetUtcNow();
        using var cmd = Command("SELECT floor(extract(epoch FROM now()) * 1000)::bigint;", tx);
        return DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    private NpgsqlCommand Command(string sql, NpgsqlTransaction tx) => new(sql, _connection, tx);
}
