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
/// <see cref="SqliteWorkQueue"/>. Every call is one transaction on a pooled connection of its own, awaited with Npgsql's
/// asynchronous API, so the calls of one worker's concurrent units run side by side on the server and none holds a thread
/// while PostgreSQL answers (row locks, not a lock in this process, decide who waits).
/// </summary>
public sealed class PostgresWorkQueue : IWorkQueue
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresJournalAddress _address;
    private readonly TimeProvider? _clock;
    private readonly WorkQueueOptions _options;
    private volatile bool _disposed;

    private PostgresWorkQueue(NpgsqlDataSource source, PostgresJournalAddress address, TimeProvider? clock, WorkQueueOptions options)
    {
        _source = source;
        _address = address;
        _clock = clock;
        _options = options;
    }

    /// <summary>Opens the queue in the journal database <paramref name="address"/> names, with the journal's refusals (no
    /// schema, an older or newer one, an unreachable server, a refused login). <paramref name="clock"/> replaces the
    /// database server's clock for leases and times; leave it null outside tests, so every worker reads one clock.</summary>
    public static async Task<PostgresWorkQueue> OpenAsync(PostgresJournalAddress address, WorkQueueOptions? options = null, TimeProvider? clock = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new WorkQueueOptions();
        options.Validate();
        var source = NpgsqlDataSource.Create(address.ConnectionString);
        try
        {
            // The journal's check of the schema refuses what the queue cannot use; its connection goes back to the pool.
            await using (var connection = await PostgresTransferJournal.ConnectAsync(source, address, ct).ConfigureAwait(false))
            {
                await PostgresTransferJournal.CheckOpenableAsync(connection, address, ct).ConfigureAwait(false);
            }
            return new PostgresWorkQueue(source, address, clock, options);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Schema 3 of the journal database: the queue's table and the sequence its fencing tokens come from.</summary>
    internal static async Task CreateSchemaAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
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
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> EnqueueAsync(IReadOnlyList<WorkOrder> orders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ct.ThrowIfCancellationRequested();
        foreach (var order in orders) WorkUnitRows.Check(order);
        return WriteAsync<IReadOnlyList<WorkUnit>>(async (tx, now) =>
        {
            var units = new List<WorkUnit>(orders.Count);
            foreach (var order in orders)
            {
                await using var cmd = tx.Command(WorkUnitRows.Insert);
                units.Add(WorkUnitRows.BindInsert(cmd, order, now));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return units;
        }, ct);
    }

    /// <inheritdoc/>
    public Task<WorkLease?> TakeAsync(WorkerIdentity worker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ct.ThrowIfCancellationRequested();
        return WriteAsync(async (tx, now) =>
        {
            // Abandoned work first: another worker's unit whose lease ran out, or (on this machine) whose process is gone.
            // Rows another taker has locked are skipped; the ones read here stay locked until this transaction ends.
            var running = tx.Command($"""
                SELECT {WorkUnitRows.Columns} FROM work_units
                WHERE state = 'running' AND worker <> @w AND (lease_until_ms <= @now OR worker_host = @host)
                ORDER BY seq FOR UPDATE SKIP LOCKED;
                """);
            WorkUnitRows.Set(running, "@w", worker.Id);
            WorkUnitRows.Set(running, "@now", now.ToUnixTimeMilliseconds());
            WorkUnitRows.Set(running, "@host", worker.Host);
            var abandoned = (await WorkUnitRows.ReadAllAsync(running, ct).ConfigureAwait(false))
                .FirstOrDefault(u => u.Holder!.LeaseUntil <= now || u.Holder.Worker.IsProvablyGone());
            var unit = abandoned;
            if (unit is null)
            {
                var next = tx.Command($"""
                    SELECT {WorkUnitRows.Columns} FROM work_units WHERE state = 'queued' AND not_before_ms <= @now
                    ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED;
                    """);
                WorkUnitRows.Set(next, "@now", now.ToUnixTimeMilliseconds());
                unit = (await WorkUnitRows.ReadAllAsync(next, ct).ConfigureAwait(false)).FirstOrDefault();
            }
            if (unit is null) return null;
            await using var sequence = tx.Command("SELECT nextval('work_unit_tokens');");
            var token = Convert.ToInt64(await sequence.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await using var take = tx.Command(WorkUnitRows.Take);
            var lease = WorkUnitRows.BindTake(take, unit, worker, token, now + _options.Lease, abandoned is not null);
            await take.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return (WorkLease?)lease;
        }, ct);
    }

    /// <inheritdoc/>
    public Task<WorkLease> RenewAsync(WorkLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ct.ThrowIfCancellationRequested();
        return WriteAsync(async (tx, now) =>
        {
            var until = now + _options.Lease;
            var unit = await FencedAsync(lease, WorkUnitRows.RenewAssignments, cmd => WorkUnitRows.Set(cmd, "@until", until.ToUnixTimeMilliseconds()), tx, now, ct)
                .ConfigureAwait(false);
            return lease with { LeaseUntil = until, Unit = unit };
        }, ct);
    }

    /// <inheritdoc/>
    public Task<WorkUnit> CompleteAsync(WorkLease lease, WorkResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(result);
        result.Validate();
        ct.ThrowIfCancellationRequested();
        return WriteAsync((tx, now) => FencedAsync(lease, WorkUnitRows.CompleteAssignments, cmd => WorkUnitRows.BindComplete(cmd, result), tx, now, ct), ct);
    }

    /// <inheritdoc/>
    public Task<WorkUnit> HandBackAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ct.ThrowIfCancellationRequested();
        return WriteAsync((tx, now) =>
            FencedAsync(lease, WorkUnitRows.HandBackAssignments, cmd => WorkUnitRows.BindHandBack(cmd, lease, reason, delay), tx, now, ct), ct);
    }

    /// <summary>The holder's half of fencing (see <see cref="WorkUnitRows.Fenced"/>): nothing is written unless the unit
    /// still runs under this lease's token with its lease not run out at the database's clock.</summary>
    private static async Task<WorkUnit> FencedAsync(WorkLease lease, string assignments, Action<NpgsqlCommand> parameters, Transaction tx, DateTimeOffset now,
        CancellationToken ct)
    {
        var cmd = tx.Command(WorkUnitRows.Fenced(assignments));
        WorkUnitRows.BindFence(cmd, lease, now);
        parameters(cmd);
        return (await WorkUnitRows.ReadAllAsync(cmd, ct).ConfigureAwait(false)).FirstOrDefault()
            ?? throw WorkUnitRows.Lost(lease, await FindAsync(lease.Unit.Id, tx, ct).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public Task<WorkUnit?> FindAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        return WriteAsync((tx, _) => FindAsync(id, tx, ct), ct);
    }

    private static async Task<WorkUnit?> FindAsync(string id, Transaction tx, CancellationToken ct)
    {
        var cmd = tx.Command(WorkUnitRows.Find);
        WorkUnitRows.Set(cmd, "@id", id);
        return (await WorkUnitRows.ReadAllAsync(cmd, ct).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkUnit>> ListAsync(IReadOnlyCollection<WorkUnitState>? states, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return WriteAsync<IReadOnlyList<WorkUnit>>(async (tx, _) =>
        {
            var cmd = tx.Command(WorkUnitRows.List(states));
            WorkUnitRows.Set(cmd, "@limit", limit);
            return await WorkUnitRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<WorkUnitState, int>> CountsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return WriteAsync(async (tx, _) =>
        {
            await using var cmd = tx.Command(WorkUnitRows.Counts);
            return await WorkUnitRows.ReadCountsAsync(cmd, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>Closes the pooled connections; a call still running finishes on its own.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _source.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (committed when it returns) on a pooled connection of its
    /// own, at the queue's clock, read once at the start, and turns Npgsql's failures into the journal's one-sentence
    /// exceptions. A connection the server dropped (restart, failover, pg_terminate_backend, an idle timeout) is replaced:
    /// when the drop is found before the commit is sent, none of the transaction took effect, so it runs once more on a
    /// new connection; a drop while committing leaves the outcome unknown and is reported, never repeated.</summary>
    private async Task<T> WriteAsync<T>(Func<Transaction, DateTimeOffset, Task<T>> work, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var attempt = 0; ; attempt++)
        {
            var committing = false;
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _source.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var transaction = new Transaction(connection, tx);
                var result = await work(transaction, await NowAsync(transaction, ct).ConfigureAwait(false)).ConfigureAwait(false);
                committing = true;
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return result;
            }
            catch (NpgsqlException) when (!committing && attempt == 0 && connection is not { State: ConnectionState.Open })
            {
                // Dropped before the commit: nothing of this transaction took effect. The pool's idle connections were most
                // likely dropped with it (a restart ends them all): none of them is handed out again; once more on a new one.
                _source.Clear();
            }
            catch (NpgsqlException e)
            {
                throw PostgresTransferJournal.Translate(e, _address);
            }
            finally
            {
                if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The database server's clock (its transaction time, in whole milliseconds), unless a clock was given.</summary>
    private async Task<DateTimeOffset> NowAsync(Transaction tx, CancellationToken ct)
    {
        if (_clock is not null) return _clock.GetUtcNow();
        await using var cmd = tx.Command("SELECT floor(extract(epoch FROM now()) * 1000)::bigint;");
        return DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture));
    }

    /// <summary>One call's connection and its transaction.</summary>
    private sealed record Transaction(NpgsqlConnection Connection, NpgsqlTransaction Tx)
    {
        public NpgsqlCommand Command(string sql) => new(sql, Connection, Tx);
    }
}
