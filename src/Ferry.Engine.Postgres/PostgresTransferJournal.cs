using System.Data;
using System.Globalization;
using Ferry.Engine.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ferry.Engine.Postgres;

/// <summary>
/// The journal in a PostgreSQL database, for several processes on several machines: the same state machine, claims and
/// checks as <see cref="SqliteTransferJournal"/>. Each transition is one transaction whose <c>UPDATE … WHERE state =
/// expected</c> is the compare-and-set (the row lock makes concurrent writers of one entry queue, and all but the first
/// find the state moved); the writer's claim row is read <c>FOR SHARE</c> so no take-over commits in between; claimers of
/// one subject queue on a transaction advisory lock. Unique indexes allow one live entry per route position and one done
/// entry per history row. Every call awaits the server with Npgsql's asynchronous API (one call at a time on the
/// journal's connection; the others queue without holding a thread), and so do opening and migrating; only the
/// synchronous <see cref="Dispose"/>, for callers that cannot await, blocks. Every committed write
/// is durable as the server's settings make it (<c>synchronous_commit</c>).
/// </summary>
public sealed class PostgresTransferJournal : ITransferJournal
{
    /// <summary>The schema this build writes (its own numbering, in the <c>ferry_schema</c> table); a database with a newer
    /// one is refused. 1 is SQLite's schema 4 plus what many writers need, 2 adds the shared UID weight budget, 3 the work
    /// queue, 4 who asked for each leg (the transfer policy's requester), 5 the approval requests, their votes and the
    /// audit log.</summary>
    public const int SchemaVersion = 6;

    /// <summary>The advisory lock key every migration takes, so processes opening one database at once migrate it once.</summary>
    private const long MigrationLock = 0x4665727279_4A;

    /// <summary>The advisory lock key every policy check takes in its write transaction (<see cref="ITransferJournal.Admission"/>).</summary>
    private const long AdmissionLock = 0x4665727279_50;

    private const string States = "'planned', 'sending', 'done', 'rejected', 'unknown', 'not-executed'";

    private readonly NpgsqlConnection _connection;
    private readonly PostgresJournalAddress _address;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ClaimBook _book;
    private readonly ITimer _renewal;
    private bool _disposed;

    private PostgresTransferJournal(NpgsqlConnection connection, PostgresJournalAddress address, TimeProvider time, JournalClaimOptions claims, ILogger logger)
    {
        _connection = connection;
        _address = address;
        _time = time;
        Owner = claims.Owner ?? JournalOwner.ForThisProcess();
        _book = new ClaimBook(Owner, claims.Lease, logger);
        var every = claims.Lease / 3;
        _renewal = time.CreateTimer(_ => _ = RenewClaimsAsync(), null, every, every);
    }

    /// <inheritdoc/>
    public JournalOwner Owner { get; }

    /// <summary>Where this journal lives, without the password.</summary>
    public string Display => _address.Display;

    /// <summary>Opens the journal in the database <paramref name="address"/> names. Its schema must exist (made by
    /// <see cref="MigrateAsync"/>, <c>ferry journal migrate</c>): a database without one, or with a newer one, or holding a
    /// state the state machine never writes, is refused (<see cref="JournalCorruptException"/>); an unreachable server, a
    /// refused login or a missing database is <see cref="JournalUnavailableException"/>. Messages never hold the password.
    /// <paramref name="logger"/> hears of refused transitions and claims refused or taken over (none by default).</summary>
    public static async Task<PostgresTransferJournal> OpenAsync(PostgresJournalAddress address, TimeProvider? time = null, JournalClaimOptions? claims = null,
        ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        claims ??= new JournalClaimOptions();
        claims.Validate();
        var connection = await ConnectAsync(address, ct).ConfigureAwait(false);
        try
        {
            await CheckOpenableAsync(connection, address, ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgresTransferJournal(connection, address, time ?? TimeProvider.System, claims, logger ?? NullLogger.Instance);
    }

    /// <summary>A journal opens only on the schema this build writes, holding only states it writes.</summary>
    internal static async Task CheckOpenableAsync(NpgsqlConnection connection, PostgresJournalAddress address, CancellationToken ct)
    {
        try
        {
            var version = await ReadVersionAsync(connection, address, ct).ConfigureAwait(false);
            if (version is null)
            {
                throw new JournalCorruptException(
                    $"The database {address.Database} on {address.Server} holds no Ferry journal; create it with 'ferry journal migrate --journal {address.Display}'.");
            }
            if (version < SchemaVersion)
            {
                throw new JournalCorruptException(
                    $"The journal in {address.Display} has schema {version}, older than this build's {SchemaVersion}; upgrade it with 'ferry journal migrate --journal {address.Display}'.");
            }
            await CheckStatesAsync(connection, ct).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Translate(e, address);
        }
    }

    /// <summary>Creates or upgrades the schema of the database <paramref name="address"/> names and returns its version. Safe
    /// from several processes at once: each takes one advisory lock and reads the version again under it. A newer schema
    /// is refused (<see cref="JournalCorruptException"/>). <paramref name="logger"/> hears of a migration applied.</summary>
    public static async Task<int> MigrateAsync(PostgresJournalAddress address, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var connection = await ConnectAsync(address, ct).ConfigureAwait(false);
        try
        {
            if (await ReadVersionAsync(connection, address, ct).ConfigureAwait(false) == SchemaVersion) return SchemaVersion;
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await ExecAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock});", ct).ConfigureAwait(false);
            // Read again under the lock: another process may have migrated meanwhile.
            var version = await ReadVersionAsync(connection, address, ct).ConfigureAwait(false) ?? 0;
            if (version == SchemaVersion) return SchemaVersion;
            if (version < 1) await CreateSchema1Async(connection, tx, ct).ConfigureAwait(false);
            if (version < 2) await CreateSchema2Async(connection, tx, ct).ConfigureAwait(false);
            if (version < 3) await PostgresWorkQueue.CreateSchemaAsync(connection, tx, ct).ConfigureAwait(false);
            // Schema 4: who asked for the move (person:alice, agent:claude, ...); older legs keep none.
            if (version < 4) await ExecAsync(connection, tx, "ALTER TABLE legs ADD COLUMN requester text;", ct).ConfigureAwait(false);
            if (version < 5) await CreateSchema5Async(connection, tx, ct).ConfigureAwait(false);
            // Schema 6: who queued a unit, so the worker that runs it asks for them; older units keep none.
            if (version < 6) await ExecAsync(connection, tx, "ALTER TABLE work_units ADD COLUMN requester text;", ct).ConfigureAwait(false);
            await ExecAsync(connection, tx, $"UPDATE ferry_schema SET version = {SchemaVersion};", ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            JournalLog.Migrated(logger ?? NullLogger.Instance, address.Display, version, SchemaVersion);
            return SchemaVersion;
        }
        catch (NpgsqlException e)
        {
            throw Translate(e, address);
        }
    }

    /// <summary>A new connection to the database <paramref name="address"/> names, open; its failure in one sentence.</summary>
    private static async Task<NpgsqlConnection> ConnectAsync(PostgresJournalAddress address, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(address.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Translate(e, address);
        }
    }

    /// <summary>A pooled connection of <paramref name="source"/>, open; its failure in one sentence.</summary>
    internal static async Task<NpgsqlConnection> ConnectAsync(NpgsqlDataSource source, PostgresJournalAddress address, CancellationToken ct)
    {
        try
        {
            return await source.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Translate(e, address);
        }
    }

    /// <summary>The schema version, null when the database holds no Ferry journal; a newer one is refused.</summary>
    private static async Task<int?> ReadVersionAsync(NpgsqlConnection c, PostgresJournalAddress address, CancellationToken ct)
    {
        // Two statements: a query naming ferry_schema cannot even be planned in a database without it.
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'ferry_schema');", c))
        {
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not true) return null;
        }
        await using var cmd = new NpgsqlCommand("SELECT max(version) FROM ferry_schema;", c);
        var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        if (value is null or DBNull) return null;
        var version = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new JournalCorruptException(
                $"The journal in {address.Display} was written by a newer Ferry (schema {version}, this build knows {SchemaVersion}); upgrade Ferry rather than risk misreading it.");
        }
        return version;
    }

    private static Task CreateSchema1Async(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Schema 1 is SQLite's schema 4 plus what many writers need: seq (write order, never reused), identity tokens for
        // claims (a sequence never hands a token out twice), and one done entry per history row across every worker.
        return ExecAsync(c, tx, """
            CREATE TABLE ferry_schema (version integer NOT NULL);
            INSERT INTO ferry_schema VALUES (0);
            CREATE TABLE legs (
              seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
              id text PRIMARY KEY, intent text, kind text NOT NULL, venue text NOT NULL, account text NOT NULL,
              endpoint text NOT NULL, parameters text NOT NULL, from_wallet text NOT NULL, to_wallet text NOT NULL,
              asset text NOT NULL, amount text NOT NULL, client_tran_id text,
              state text NOT NULL, attempt integer NOT NULL, created_ms bigint NOT NULL, updated_ms bigint NOT NULL,
              sent_ms bigint, exchange_id text, history_id text, error_code text, message text,
              route_id text, route_leg integer);
            CREATE INDEX legs_created ON legs(created_ms, seq);
            CREATE INDEX legs_state_created ON legs(state, created_ms, seq);
            CREATE INDEX legs_intent ON legs(intent, created_ms, seq);
            CREATE INDEX legs_route_order ON legs(route_id, route_leg, created_ms, seq);
            CREATE UNIQUE INDEX legs_route_live ON legs(route_id, route_leg) WHERE route_id IS NOT NULL AND state <> 'rejected';
            CREATE UNIQUE INDEX legs_history_claim ON legs(venue, history_id) WHERE state = 'done' AND history_id IS NOT NULL;
            CREATE TABLE events (
              leg_id text NOT NULL REFERENCES legs(id), seq bigint NOT NULL, at_ms bigint NOT NULL, attempt integer NOT NULL,
              from_state text, to_state text NOT NULL, detail text, PRIMARY KEY (leg_id, seq));
            CREATE TABLE claims (
              token bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject text NOT NULL UNIQUE, owner text NOT NULL,
              pid integer NOT NULL, host text NOT NULL, started_ms bigint NOT NULL,
              claimed_ms bigint NOT NULL, lease_until_ms bigint NOT NULL);
            """, ct);
    }

    private static Task CreateSchema2Async(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Schema 2 adds the UID weight every process using one Binance key reserves from (PostgresUidWeightStore): one
        // row per account (a hash of the key), endpoint budget and window of the exchange's clock.
        return ExecAsync(c, tx, """
            CREATE TABLE uid_weight (
              account text NOT NULL, budget text NOT NULL, window_start_ms bigint NOT NULL, window_ms bigint NOT NULL,
              used integer NOT NULL CHECK (used >= 0), PRIMARY KEY (account, budget, window_start_ms));
            """, ct);
    }

    /// <summary>Schema 5: approval requests (at most one open per payload), one answer per approver, and the audit log (an
    /// identity sequence never hands a number out twice).</summary>
    private static Task CreateSchema5Async(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct) => ExecAsync(c, tx, """
        CREATE TABLE IF NOT EXISTS approvals (
          id text PRIMARY KEY, payload_hash text NOT NULL, requester text NOT NULL, account text NOT NULL, venue text NOT NULL,
          from_wallet text NOT NULL, to_wallet text NOT NULL, asset text NOT NULL, amount text NOT NULL, rule text, reason text NOT NULL,
          required integer NOT NULL, approvers text NOT NULL, created_ms bigint NOT NULL, expires_ms bigint NOT NULL,
          state text NOT NULL, entry_id text, updated_ms bigint NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS approvals_open ON approvals(payload_hash) WHERE state IN ('waiting', 'approved');
        CREATE INDEX IF NOT EXISTS approvals_created ON approvals(created_ms);
        CREATE INDEX IF NOT EXISTS approvals_entry ON approvals(entry_id) WHERE entry_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS approval_votes (
          approval_id text NOT NULL REFERENCES approvals(id), approver text NOT NULL, approve integer NOT NULL, at_ms bigint NOT NULL,
          reason text, PRIMARY KEY (approval_id, approver));
        CREATE TABLE IF NOT EXISTS audit (
          seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at_ms bigint NOT NULL, kind text NOT NULL, actor text NOT NULL, rule text,
          approval_id text, entry_id text, payload_hash text NOT NULL, requester text NOT NULL, account text NOT NULL,
          venue text NOT NULL, from_wallet text NOT NULL, to_wallet text NOT NULL, asset text NOT NULL, amount text NOT NULL,
          message text NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at_ms, seq);
        """, ct);

    /// <summary>Every open refuses a journal that holds a state the state machine could not have written.</summary>
    private static async Task CheckStatesAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT id, state FROM legs WHERE state NOT IN ({States}) LIMIT 1;", c);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var state = r.GetString(1);
            throw new JournalCorruptException(
                $"Journal entry {r.GetString(0)} holds an unknown state '{(state.Length <= 20 ? state : state[..20] + "…")}'; Ferry will not act on a journal it cannot read.");
        }
    }

    /// <inheritdoc/>
    public async ValueTask<JournalEntry> PlanAsync(LegDescription leg, CancellationToken ct = default) =>
        (await PlanAllAsync([leg], ct).ConfigureAwait(false))[0];

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> PlanAllAsync(IReadOnlyList<LegDescription> legs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0) throw new ArgumentException("Plan at least one leg.", nameof(legs));
        foreach (var leg in legs) JournalRows.CheckNew(leg, nameof(legs));
        return AdmittedAsync(() => LockedAsync(tx =>
            JournalWrites.PlanAllAsync(new Session(this, tx), _book, Admission, legs, _time.GetUtcNow(), Committing(tx, ct), ct), ct), ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> PlanAndBeginSendingAsync(LegDescription leg, CancellationToken ct = default)
    {
        JournalRows.CheckNew(leg, nameof(leg));
        return AdmittedAsync(() => LockedAsync(tx =>
            JournalWrites.PlanAndBeginSendingAsync(new Session(this, tx, ClaimLock.Take), _book, Admission, leg, _time.GetUtcNow(), Committing(tx, ct), ct), ct), ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> CompleteSendAsync(JournalEntry sending, LegState to, TransitionDetails? details = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sending);
        if (to is not (LegState.Done or LegState.Rejected or LegState.Unknown))
            throw new ArgumentException("A send ends in done, rejected or unknown.", nameof(to));
        return LockedAsync(tx => JournalWrites.CompleteSendAsync(new Session(this, tx), _book, sending, to, details, _time.GetUtcNow(), Committing(tx, ct), ct), ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> TransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details = null, CancellationToken ct = default) =>
        AdmittedAsync(() => LockedAsync(tx =>
            JournalWrites.TransitionAsync(new Session(this, tx), _book, Admission, id, expected, to, details, _time.GetUtcNow(), Committing(tx, ct), ct), ct), ct);

    /// <summary>Runs a write the policy may refuse; a refusal's audit rows and waiting request are written after its
    /// transaction rolled back, in one of their own, and then the refusal is thrown.</summary>
    private async ValueTask<T> AdmittedAsync<T>(Func<ValueTask<T>> write, CancellationToken ct)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (AdmissionRefusal refusal)
        {
            throw await LockedAsync(tx => JournalWrites.WriteKeptAsync(new Session(this, tx), refusal, _time.GetUtcNow(), Committing(tx, ct), ct), ct)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<CountedMove>>(async tx => await new Session(this, tx).CountedSinceAsync(since, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Approvals.ApprovalRequest>> ApprovalsAsync(bool all = false, int limit = 1000, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<Approvals.ApprovalRequest>>(async tx => await new Session(this, tx).Approvals.ListAsync(all, limit, ct).ConfigureAwait(false),
            ct, IsolationLevel.RepeatableRead);

    /// <inheritdoc/>
    public ValueTask<Approvals.ApprovalRequest?> FindApprovalAsync(string id, CancellationToken ct = default) =>
        LockedAsync(tx => new Session(this, tx).Approvals.FindAsync(id, lockRow: false, ct), ct, IsolationLevel.RepeatableRead);

    /// <inheritdoc/>
    public ValueTask<Approvals.ApprovalRequest> DecideApprovalAsync(string id, string approver, bool approve, string? reason = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        return LockedAsync(tx => JournalWrites.DecideAsync(new Session(this, tx), id, approver, approve, reason, _time.GetUtcNow(), Committing(tx, ct), ct), ct);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Audit.AuditRecord>> AuditAsync(DateTimeOffset since, int limit = int.MaxValue, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<Audit.AuditRecord>>(async tx => await new Session(this, tx).Approvals.AuditAsync(since, limit, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<JournalEntry> NoteAsync(string id, string message, CancellationToken ct = default) =>
        LockedAsync(tx => JournalWrites.NoteAsync(new Session(this, tx), _book, id, message, _time.GetUtcNow(), Committing(tx, ct), ct), ct);

    /// <summary>Copies every entry of <paramref name="source"/> (oldest first, so the write order is kept) with its state,
    /// attempt, times, ids, note, route position and every recorded step into this journal, in one transaction: all or
    /// nothing. The history rows done entries claimed come with them. Claims (the leases of running processes) are not
    /// copied. Refuses a journal that already holds an entry (<see cref="InvalidOperationException"/>, nothing written);
    /// the table is locked meanwhile, so no writer slips an entry in. Returns the number of entries copied.</summary>
    public async Task<int> ImportAsync(ITransferJournal source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = new List<(JournalEntry Entry, IReadOnlyList<JournalEvent> Events)>();
        foreach (var entry in (await source.ListAsync(ct: ct).ConfigureAwait(false)).Reverse())
            entries.Add((entry, await source.EventsAsync(entry.Id, ct).ConfigureAwait(false)));
        foreach (var (entry, events) in entries) JournalRows.CheckEvents(entry, events);
        return await LockedAsync(async tx =>
        {
            await ExecuteAsync(tx, "LOCK TABLE legs IN EXCLUSIVE MODE;", ct).ConfigureAwait(false);
            await using (var any = Command("SELECT EXISTS (SELECT 1 FROM legs);", tx))
            {
                if (await any.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
                    throw new InvalidOperationException($"The journal in {_address.Display} already holds entries; copy only into an empty journal.");
            }
            var session = new Session(this, tx);
            foreach (var (entry, events) in entries)
            {
                await using (var cmd = Command(ImportLegSql, tx))
                {
                    JournalSql.BindLeg(cmd, entry.Id, entry.Leg, entry.State, entry.CreatedAt);
                    Set(cmd, "@attempt", entry.Attempt);
                    Set(cmd, "@updated", entry.UpdatedAt.ToUnixTimeMilliseconds());
                    Set(cmd, "@sent", entry.SentAt?.ToUnixTimeMilliseconds());
                    Set(cmd, "@exchangeId", entry.ExchangeId);
                    Set(cmd, "@historyId", entry.HistoryId);
                    Set(cmd, "@errorCode", entry.ErrorCode);
                    Set(cmd, "@message", entry.Message);
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                foreach (var e in events) await session.AddEventAsync(entry.Id, (int)e.Seq, e.Attempt, e.At, e.From, e.To, e.Detail, ct).ConfigureAwait(false);
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return entries.Count;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>A whole leg row as another journal holds it.</summary>
    private const string ImportLegSql = """
        INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
          client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, exchange_id, history_id, error_code, message,
          route_id, route_leg, requester)
        VALUES (@id, @intent, @kind, @venue, @account, @endpoint, @parameters, @from, @to, @asset, @amount, @ctid, @state,
          @attempt, @now, @updated, @sent, @exchangeId, @historyId, @errorCode, @message, @routeId, @routeLeg, @requester);
        """;

    /// <inheritdoc/>
    public MoveAdmission? Admission { get; set; }

    /// <inheritdoc/>
    public ValueTask<JournalEntry?> FindAsync(string id, CancellationToken ct = default) => LockedAsync(async tx =>
    {
        var entry = await new Session(this, tx).ReadAsync(id, forUpdate: false, ct).ConfigureAwait(false);
        if (entry is not null) JournalRows.CheckEvents(entry, await ReadEventsAsync(tx, id, ct).ConfigureAwait(false));
        return entry;
    }, ct, IsolationLevel.RepeatableRead); // the entry and its events from one snapshot, even while another process writes

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ListAsync(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEntry>>(async tx =>
        {
            var filtered = states is { Count: > 0 };
            await using var cmd = Command(
                $"SELECT {JournalRows.Columns} FROM legs {(filtered ? "WHERE state = ANY(@states) " : "")}ORDER BY created_ms DESC, seq DESC LIMIT @limit;", tx);
            if (filtered) cmd.Parameters.Add(new NpgsqlParameter<string[]>("states", states!.Select(LegStates.Name).ToArray()));
            Set(cmd, "@limit", limit);
            return await JournalRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ForIntentAsync(string intent, CancellationToken ct = default) =>
        ReadEntriesAsync($"SELECT {JournalRows.Columns} FROM legs WHERE intent = @key ORDER BY created_ms, seq;", intent, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ForRouteAsync(string routeId, CancellationToken ct = default) =>
        ReadEntriesAsync($"SELECT {JournalRows.Columns} FROM legs WHERE route_id = @key ORDER BY route_leg, created_ms, seq;", routeId, ct);

    private ValueTask<IReadOnlyList<JournalEntry>> ReadEntriesAsync(string sql, string key, CancellationToken ct) =>
        LockedAsync<IReadOnlyList<JournalEntry>>(async tx =>
        {
            await using var cmd = Command(sql, tx);
            Set(cmd, "@key", key);
            return await JournalRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <inheritdoc/>
    public ValueTask<string?> LatestRouteIdAsync(CancellationToken ct = default) => LockedAsync(async tx =>
    {
        await using var cmd = Command("SELECT route_id FROM legs WHERE route_id IS NOT NULL ORDER BY created_ms DESC, seq DESC LIMIT 1;", tx);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEvent>> EventsAsync(string id, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEvent>>(async tx => await ReadEventsAsync(tx, id, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlySet<string>> ClaimedHistoryIdsAsync(string venue, CancellationToken ct = default) => LockedAsync(async tx =>
    {
        await using var cmd = Command(JournalSql.ClaimedHistoryIds, tx);
        Set(cmd, "@venue", venue);
        return await JournalRows.ReadIdsAsync(cmd, ct).ConfigureAwait(false);
    }, ct);

    /// <inheritdoc/>
    public ValueTask<ClaimAttempt> ClaimAsync(string subject, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return LockedAsync(async tx =>
        {
            var now = _time.GetUtcNow();
            // Re-entry of a fresh claim: only the fencing check, which reads; nothing is written.
            if (await _book.TryReenterAsync(subject, now, new Session(this, tx, ClaimLock.None), ct).ConfigureAwait(false) is { } again) return again;
            return await JournalWrites.ClaimAsync(new Session(this, tx, ClaimLock.Take), _book, subject, now, Committing(tx, ct), ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string subject, CancellationToken ct = default) => await LockedAsync(async tx =>
    {
        if (_book.Unhold(subject) is not { } token) return false;
        await new Session(this, tx).DeleteAsync(subject, token, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }, ct).ConfigureAwait(false);

    /// <inheritdoc/>
    public ValueTask<JournalClaim?> FindClaimAsync(string subject, CancellationToken ct = default) =>
        LockedAsync(tx => ReadClaimAsync(tx, subject, ClaimLock.None, ct), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalClaim>> ClaimsAsync(CancellationToken ct = default) => LockedAsync<IReadOnlyList<JournalClaim>>(async tx =>
    {
        await using var cmd = Command($"SELECT {JournalRows.ClaimColumns} FROM claims ORDER BY token;", tx);
        return await JournalRows.ReadClaimsAsync(cmd, ct).ConfigureAwait(false);
    }, ct);

    /// <summary>Hands every claim back and closes the connection, waiting for the call in progress, with Npgsql's
    /// synchronous calls, for a caller that cannot await (<c>using</c>); prefer <see cref="DisposeAsync"/>, which waits
    /// without holding a thread (everything in src/ does).</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _renewal.Dispose();
            try
            {
                using var tx = _connection.BeginTransaction();
                foreach (var (subject, token) in _book.TakeAll())
                {
                    using var cmd = Command(JournalSql.DeleteClaim, tx);
                    Set(cmd, "@subject", subject);
                    Set(cmd, "@token", token);
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The claims expire with their lease.
            }
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Hands every claim back and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _renewal.DisposeAsync().ConfigureAwait(false);
            try
            {
                await using var tx = await _connection.BeginTransactionAsync().ConfigureAwait(false);
                var session = new Session(this, tx);
                foreach (var (subject, token) in _book.TakeAll()) await session.DeleteAsync(subject, token, CancellationToken.None).ConfigureAwait(false);
                await tx.CommitAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The claims expire with their lease.
            }
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The renewal timer's tick: every held lease extended in one statement, once the connection is free.</summary>
    private async Task RenewClaimsAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed || _book.IsEmpty) return;
            var until = _time.GetUtcNow() + _book.Lease;
            await using var tx = await _connection.BeginTransactionAsync().ConfigureAwait(false);
            await new Session(this, tx).RenewAllAsync(Owner, until, CancellationToken.None).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            _book.Renewed(until);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // An unreachable server: the next renewal tries again; until then the lease runs down as it would in a crash.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The database's rows inside one transaction. A claimer (<see cref="ClaimLock.Take"/>) first takes the
    /// subject's advisory lock, so two owners claiming one free subject queue rather than both inserting; a writer reads
    /// its claim row FOR SHARE, so a take-over (which deletes that row) waits until the write has committed. The legs row
    /// a transition updates stays locked to its transaction, so concurrent writers of one entry queue on it.</summary>
    private sealed class Session(PostgresTransferJournal journal, NpgsqlTransaction tx, ClaimLock claimLock = ClaimLock.Share) : IJournalSession
    {
        public ApprovalRows Approvals { get; } = new(sql => journal.Command(sql, tx), disposeCommands: true, forUpdate: " FOR UPDATE");

        public async ValueTask<LegDescription> InsertAsync(string id, LegDescription leg, LegState state, DateTimeOffset now, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.InsertLeg, tx);
            var amount = JournalSql.BindLeg(cmd, id, leg, state, now);
            try
            {
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "legs_route_live")
            {
                throw new RoutePositionTakenException(leg.RouteId!, leg.RouteLeg ?? 0);
            }
            return JournalSql.AsStored(leg, amount);
        }

        public async ValueTask<JournalEntry?> TryTransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.Transition(known is null ? JournalRows.Columns : JournalRows.ChangedColumns), tx);
            JournalSql.BindTransition(cmd, id, expected, to, details, now);
            try
            {
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
                return known is null ? JournalRows.Read(r) : JournalRows.ReadChanged(r, id, known.Leg, known.CreatedAt);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "legs_history_claim")
            {
                // The transaction is aborted now; the refusal needs nothing more from it.
                throw new HistoryRowTakenException(details?.HistoryId ?? "?");
            }
        }

        public async ValueTask AddEventAsync(string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.InsertEvent(seqKnown: seq is not null), tx);
            JournalSql.BindEvent(cmd, id, seq, attempt, at, from, to, detail);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        public async ValueTask<JournalEntry?> ReadAsync(string id, bool forUpdate, CancellationToken ct)
        {
            await using var cmd = journal.Command($"SELECT {JournalRows.Columns} FROM legs WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")};", tx);
            Set(cmd, "@id", id);
            return await JournalRows.ReadOneAsync(cmd, ct).ConfigureAwait(false);
        }

        public ValueTask SetMessageAsync(string id, string message, DateTimeOffset now, CancellationToken ct) =>
            journal.ExecuteAsync(tx, JournalSql.Note, ct, ("@message", message), ("@now", now.ToUnixTimeMilliseconds()), ("@id", id));

        // One transaction-scoped lock for every policy check: two moves racing on several machines queue here, and the
        // second reads the counted moves only after the first has committed its leg.
        public ValueTask LockAdmissionAsync(CancellationToken ct) => journal.ExecuteAsync(tx, $"SELECT pg_advisory_xact_lock({AdmissionLock});", ct);

        public async ValueTask<List<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.CountedMoves, tx);
            Set(cmd, "@since", since.ToUnixTimeMilliseconds());
            return await JournalRows.ReadCountedAsync(cmd, ct).ConfigureAwait(false);
        }

        public async ValueTask<string?> RouteTargetAsync(string routeId, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.RouteTarget, tx);
            Set(cmd, "@route", routeId);
            return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        }

        public ValueTask<JournalClaim?> ReadClaimAsync(string subject, CancellationToken ct) => journal.ReadClaimAsync(tx, subject, claimLock, ct);

        public ValueTask RenewAsync(long token, DateTimeOffset until, CancellationToken ct) =>
            journal.ExecuteAsync(tx, JournalSql.RenewClaim, ct, ("@until", until.ToUnixTimeMilliseconds()), ("@token", token));

        public ValueTask RenewAllAsync(JournalOwner owner, DateTimeOffset until, CancellationToken ct) =>
            journal.ExecuteAsync(tx, JournalSql.RenewOwnerClaims, ct, ("@until", until.ToUnixTimeMilliseconds()), ("@owner", owner.InstanceId));

        public ValueTask DeleteAsync(string subject, long token, CancellationToken ct) =>
            journal.ExecuteAsync(tx, JournalSql.DeleteClaim, ct, ("@subject", subject), ("@token", token));

        public async ValueTask<JournalClaim> InsertClaimAsync(string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
        {
            await using var cmd = journal.Command(JournalSql.InsertClaim, tx);
            JournalSql.BindClaim(cmd, subject, owner, now, leaseUntil);
            var token = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return new JournalClaim(subject, token, owner, now, leaseUntil);
        }
    }

    /// <summary>Runs one statement with its parameters.</summary>
    private async ValueTask ExecuteAsync(NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, tx);
        foreach (var (name, value) in parameters) Set(cmd, name, value);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>How a claim row is read: plainly, by a writer checking its fence, or by a claimer about to take it.</summary>
    private enum ClaimLock
    {
        None,
        Share,
        Take,
    }

    private async ValueTask<JournalClaim?> ReadClaimAsync(NpgsqlTransaction tx, string subject, ClaimLock mode, CancellationToken ct)
    {
        if (mode == ClaimLock.Take)
        {
            // Claimers of one subject queue here (the key is the subject's 64-bit hash; a collision only makes two queue).
            await ExecuteAsync(tx, "SELECT pg_advisory_xact_lock(hashtextextended(@subject, 0));", ct, ("@subject", subject)).ConfigureAwait(false);
        }
        var suffix = mode switch { ClaimLock.Share => " FOR SHARE", ClaimLock.Take => " FOR UPDATE", _ => "" };
        await using var cmd = Command($"SELECT {JournalRows.ClaimColumns} FROM claims WHERE subject = @subject{suffix};", tx);
        Set(cmd, "@subject", subject);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? JournalRows.ReadClaim(r) : null;
    }

    private async ValueTask<List<JournalEvent>> ReadEventsAsync(NpgsqlTransaction tx, string id, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT {JournalRows.EventColumns} FROM events WHERE leg_id = @id ORDER BY seq;", tx);
        Set(cmd, "@id", id);
        return await JournalRows.ReadEventsAsync(cmd, id, ct).ConfigureAwait(false);
    }

    /// <summary>A commit as the shared writes call it.</summary>
    private static Func<ValueTask> Committing(NpgsqlTransaction tx, CancellationToken ct) => () => new ValueTask(tx.CommitAsync(ct));

    /// <summary>Runs <paramref name="work"/> with the connection to itself (callers queue without holding a thread) in a
    /// transaction (rolled back unless the work commits it) and turns Npgsql's failures into the journal's own one-sentence
    /// exceptions.</summary>
    private async ValueTask<T> LockedAsync<T>(Func<NpgsqlTransaction, ValueTask<T>> work, CancellationToken ct, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await using var tx = await _connection.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
            return await work(tx).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Translate(e, _address);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One sentence for each way the database cannot be used; never the password.</summary>
    internal static Exception Translate(NpgsqlException e, PostgresJournalAddress address) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            new JournalUnavailableException($"The PostgreSQL server at {address.Server} refused the login of user {address.User ?? "(none)"} (wrong password or no such user); check the journal's address.", e),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            new JournalUnavailableException($"The database {address.Database} does not exist on the PostgreSQL server at {address.Server}; create it first.", e),
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p =>
            new JournalUnavailableException($"The PostgreSQL user {address.User ?? "(none)"} may not use the journal in {address.Display} ({p.MessageText}).", e),
        PostgresException p =>
            new JournalUnavailableException($"The PostgreSQL journal {address.Display} could not be used ({p.SqlState}: {p.MessageText}).", e),
        _ when e.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException || e.IsTransient =>
            new JournalUnavailableException($"The PostgreSQL server at {address.Server} cannot be reached ({Reason(e)}); check that it runs and the address is right.", e),
        _ => new JournalUnavailableException($"The PostgreSQL journal {address.Display} could not be used ({Reason(e)}).", e),
    };

    private static string Reason(Exception e) => (e.InnerException ?? e).Message.TrimEnd('.');

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? tx) => new(sql, _connection, tx);

    private static async Task ExecAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void Set(NpgsqlCommand cmd, string name, object? value) => JournalSql.Set(cmd, name, value);
}
