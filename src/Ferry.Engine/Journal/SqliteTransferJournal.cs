using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Engine.Journal;

/// <summary>
/// The embedded journal: one SQLite file (<c>FERRY_HOME/journal.db</c>) in WAL mode with <c>synchronous=FULL</c>, so
/// every committed transition survives a crash or power loss. Each transition runs in one transaction that checks the
/// current state, checks the step is legal, checks the writer's claim, updates the entry and appends an event; reads
/// check the same rules again. Several processes may open one file at once: writes take SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>), work is claimed with leases (<see cref="ClaimAsync"/>), and the schema allows one live entry per
/// route position.
/// </summary>
public sealed class SqliteTransferJournal : ITransferJournal
{
    /// <summary>The schema this build writes; a file with a newer one is refused. 2 added the route columns, 3 the claims
    /// table and the one-live-entry-per-route-position index, 4 the indexes that keep list and resume reads independent
    /// of the journal's size, 5 the work queue's table (<see cref="Work.SqliteWorkQueue"/>), 6 who asked for each leg (the
    /// transfer policy's requester), 7 the approval requests, their votes and the audit log.</summary>
    public const int SchemaVersion = 8;

    /// <summary>Every value a state column must not hold: below, between and above the six names in sort order (done,
    /// not-executed, planned, rejected, sending, unknown; numbers sort below text and blobs above it). One range per
    /// branch of a UNION ALL, so each is a short search of legs_state_created, never a scan of every leg.</summary>
    internal static readonly string UnknownStateSql = string.Join(" UNION ALL ", new[]
    {
        "state < 'done'", "state > 'done' AND state < 'not-executed'", "state > 'not-executed' AND state < 'planned'",
        "state > 'planned' AND state < 'rejected'", "state > 'rejected' AND state < 'sending'", "state > 'sending' AND state < 'unknown'",
        "state > 'unknown'",
    }.Select(gap => $"SELECT id, state FROM legs WHERE {gap}")) + " LIMIT 1;";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ClaimBook _book;
    private readonly ITimer _renewal;
    private long _writeCommits;
    private bool _disposed;

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private readonly Func<ValueTask> _commit;
    private Session? _rows;
    private bool _writeOpen;

    private SqliteTransferJournal(SqliteConnection connection, string path, TimeProvider time, JournalClaimOptions claims, ILogger logger)
    {
        _connection = connection;
        _path = path;
        _time = time;
        Owner = claims.Owner ?? JournalOwner.ForThisProcess();
        _book = new ClaimBook(Owner, claims.Lease, logger);
        // SQLite calls the commit hook only for transactions that wrote; each such commit is one WAL sync (synchronous=FULL).
        SQLitePCL.raw.sqlite3_commit_hook(connection.Handle, _ => { Interlocked.Increment(ref _writeCommits); return 0; }, null);
        _commit = () =>
        {
            Statement("COMMIT;").Execute();
            _writeOpen = false;
            return ValueTask.CompletedTask;
        };
        var every = claims.Lease / 3;
        _renewal = time.CreateTimer(_ => _ = RenewClaimsAsync(), null, every, every);
    }

    /// <inheritdoc/>
    public JournalOwner Owner { get; }

    /// <summary>Write transactions this journal has committed since it was opened: each is one sync of the WAL to disk
    /// (automatic checkpoints, every 1,000 WAL pages, add their own). Benchmarks and tests count fsyncs with it.</summary>
    public long WriteCommits => Interlocked.Read(ref _writeCommits);

    /// <summary>The file path of the journal under a Ferry home folder.</summary>
    public static string PathUnder(string ferryHome) => System.IO.Path.Combine(ferryHome, "journal.db");

    /// <summary>Opens (creating when needed) the journal at <paramref name="path"/>. Throws <see cref="JournalCorruptException"/>
    /// for a file written by a newer Ferry, a file that is not a journal, or one holding a state the state machine could
    /// not have written; <see cref="JournalUnavailableException"/> when the file cannot be opened or written. <paramref name="logger"/>
    /// hears of migrations, refused transitions and claims refused or taken over (none by default).</summary>
    public static SqliteTransferJournal Open(string path, TimeProvider? time = null, JournalClaimOptions? claims = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        claims ??= new JournalClaimOptions();
        claims.Validate();
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        try
        {
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalUnavailableException($"The journal's folder {folder} cannot be created ({e.Message.TrimEnd('.')}).", e);
        }
        if (Directory.Exists(full))
            throw new JournalUnavailableException($"The journal {full} is a folder, not a file.");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            connection.Open();
            // The busy timeout first: another process may be creating or migrating the file right now.
            Exec(connection, "PRAGMA busy_timeout=30000;");
            Exec(connection, "PRAGMA journal_mode=WAL;");
            Exec(connection, "PRAGMA synchronous=FULL;");
            logger ??= NullLogger.Instance;
            Migrate(connection, full, logger);
            CheckStates(connection);
            return new SqliteTransferJournal(connection, full, time ?? TimeProvider.System, claims, logger);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates or migrates the schema of an open connection to <see cref="SchemaVersion"/>; the work queue opens
    /// the same file through it.</summary>
    internal static void Migrate(SqliteConnection c, string path, ILogger logger)
    {
        if (ReadVersion(c, null) == SchemaVersion) return;
        // BEGIN IMMEDIATE takes the write lock before the version is read again, so of several processes opening a new
        // or old file at once exactly one creates or migrates it and the others then find it current.
        using var tx = c.BeginTransaction(deferred: false);
        var version = ReadVersion(c, tx);
        if (version == SchemaVersion) return;
        if (version < 1) CreateSchema1(c, tx);
        if (version < 2)
        {
            // Schema 2: a leg may belong to a route; its id and the leg's position in it.
            Exec(c, """
                ALTER TABLE legs ADD COLUMN route_id TEXT;
                ALTER TABLE legs ADD COLUMN route_leg INTEGER;
                CREATE INDEX legs_route ON legs(route_id);
                """, tx);
        }
        if (version < 3)
        {
            // Schema 3: claims with leases and fencing tokens (AUTOINCREMENT never reuses a token), and at most one live
            // entry per route position: a rejected entry may be followed by a new one, nothing else may.
            Exec(c, """
                CREATE TABLE claims (
                  token INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL UNIQUE, owner TEXT NOT NULL,
                  pid INTEGER NOT NULL, host TEXT NOT NULL, started_ms INTEGER NOT NULL,
                  claimed_ms INTEGER NOT NULL, lease_until_ms INTEGER NOT NULL);
                """, tx);
            try
            {
                Exec(c, "CREATE UNIQUE INDEX legs_route_live ON legs(route_id, route_leg) WHERE route_id IS NOT NULL AND state <> 'rejected';", tx);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw new JournalCorruptException(
                    "The journal holds two live entries at one route position (written by two processes at once before this version); settle them by hand with 'ferry journal list' before upgrading.");
            }
        }
        if (version < 4)
        {
            // Schema 4: newest-first lists walk legs_created (rowid, the write order, is part of every index), one state's
            // list walks legs_state_created, a route's legs come in position order from legs_route_order, and the newest
            // route is the first row of the partial index legs_route_latest. The old single-column indexes are prefixes.
            Exec(c, """
                CREATE INDEX legs_created ON legs(created_ms);
                CREATE INDEX legs_state_created ON legs(state, created_ms);
                CREATE INDEX legs_route_order ON legs(route_id, route_leg, created_ms);
                CREATE INDEX legs_route_latest ON legs(created_ms) WHERE route_id IS NOT NULL;
                DROP INDEX legs_state;
                DROP INDEX legs_route;
                """, tx);
        }
        if (version < 5) Work.SqliteWorkQueue.CreateSchema(c, tx);
        if (version < 6)
        {
            // Schema 6: who asked for the move (person:alice, agent:claude, ...); older legs keep none.
            Exec(c, "ALTER TABLE legs ADD COLUMN requester TEXT;", tx);
        }
        if (version < 7) CreateApprovals(c, tx);
        // Schema 8: who queued a unit, so the worker that runs it asks for them; older units keep none.
        if (version < 8) Exec(c, "ALTER TABLE work_units ADD COLUMN requester TEXT;", tx);
        Exec(c, $"PRAGMA user_version={SchemaVersion};", tx);
        tx.Commit();
        JournalLog.Migrated(logger, path, version, SchemaVersion);
    }

    private static int ReadVersion(SqliteConnection c, SqliteTransaction? tx)
    {
        var version = Convert.ToInt32(Scalar(c, "PRAGMA user_version;", tx), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new JournalCorruptException(
                $"The journal was written by a newer Ferry (schema {version}, this build knows {SchemaVersion}); upgrade Ferry rather than risk misreading it.");
        }

        return version;
    }

    /// <summary>Every command refuses a journal that holds a state the state machine could not have written.</summary>
    private static void CheckStates(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = UnknownStateSql;
        using var r = cmd.ExecuteReader();
        if (r.Read())
            throw new JournalCorruptException($"Journal entry {r.GetString(0)} holds an unknown state '{Clip(r.GetString(1))}'; Ferry will not act on a journal it cannot read.");
    }

    /// <summary>Schema 7: approval requests (at most one open per payload), one answer per approver, and the audit log
    /// (AUTOINCREMENT: a sequence number is never reused).</summary>
    private static void CreateApprovals(SqliteConnection c, SqliteTransaction tx) => Exec(c, """
        CREATE TABLE IF NOT EXISTS approvals (
          id TEXT PRIMARY KEY, payload_hash TEXT NOT NULL, requester TEXT NOT NULL, account TEXT NOT NULL, venue TEXT NOT NULL,
          from_wallet TEXT NOT NULL, to_wallet TEXT NOT NULL, asset TEXT NOT NULL, amount TEXT NOT NULL, rule TEXT, reason TEXT NOT NULL,
          required INTEGER NOT NULL, approvers TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL,
          state TEXT NOT NULL, entry_id TEXT, updated_ms INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS approvals_open ON approvals(payload_hash) WHERE state IN ('waiting', 'approved');
        CREATE INDEX IF NOT EXISTS approvals_created ON approvals(created_ms);
        CREATE INDEX IF NOT EXISTS approvals_entry ON approvals(entry_id) WHERE entry_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS approval_votes (
          approval_id TEXT NOT NULL REFERENCES approvals(id), approver TEXT NOT NULL, approve INTEGER NOT NULL, at_ms INTEGER NOT NULL,
          reason TEXT, PRIMARY KEY (approval_id, approver));
        CREATE TABLE IF NOT EXISTS audit (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, rule TEXT,
          approval_id TEXT, entry_id TEXT, payload_hash TEXT NOT NULL, requester TEXT NOT NULL, account TEXT NOT NULL,
          venue TEXT NOT NULL, from_wallet TEXT NOT NULL, to_wallet TEXT NOT NULL, asset TEXT NOT NULL, amount TEXT NOT NULL,
          message TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at_ms);
        """, tx);

    private static void CreateSchema1(SqliteConnection c, SqliteTransaction tx)
    {
        Exec(c, """
            CREATE TABLE legs (
              id TEXT PRIMARY KEY, intent TEXT, kind TEXT NOT NULL, venue TEXT NOT NULL, account TEXT NOT NULL,
              endpoint TEXT NOT NULL, parameters TEXT NOT NULL, from_wallet TEXT NOT NULL, to_wallet TEXT NOT NULL,
              asset TEXT NOT NULL, amount TEXT NOT NULL, client_tran_id TEXT,
              state TEXT NOT NULL, attempt INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
              sent_ms INTEGER, exchange_id TEXT, history_id TEXT, error_code TEXT, message TEXT);
            CREATE INDEX legs_state ON legs(state);
            CREATE INDEX legs_intent ON legs(intent);
            CREATE TABLE events (
              leg_id TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, attempt INTEGER NOT NULL,
              from_state TEXT, to_state TEXT NOT NULL, detail TEXT, PRIMARY KEY (leg_id, seq));
            """, tx);
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
        return AdmittedAsync(legs, static async (j, legs, ct) =>
        {
            using var write = j.BeginWrite();
            return await JournalWrites.PlanAllAsync(j.Rows, j._book, j.Admission, legs, j._time.GetUtcNow(), j._commit, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> PlanAndBeginSendingAsync(LegDescription leg, CancellationToken ct = default)
    {
        JournalRows.CheckNew(leg, nameof(leg));
        return AdmittedAsync(leg, static async (j, leg, ct) =>
        {
            using var write = j.BeginWrite();
            return await JournalWrites.PlanAndBeginSendingAsync(j.Rows, j._book, j.Admission, leg, j._time.GetUtcNow(), j._commit, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> CompleteSendAsync(JournalEntry sending, LegState to, TransitionDetails? details = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sending);
        if (to is not (LegState.Done or LegState.Rejected or LegState.Unknown))
            throw new ArgumentException("A send ends in done, rejected or unknown.", nameof(to));
        return LockedAsync((sending, to, details), static async (j, a, ct) =>
        {
            using var write = j.BeginWrite();
            return await JournalWrites.CompleteSendAsync(j.Rows, j._book, a.sending, a.to, a.details, j._time.GetUtcNow(), j._commit, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry> TransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details = null, CancellationToken ct = default) =>
        AdmittedAsync((id, expected, to, details), static async (j, a, ct) =>
        {
            using var write = j.BeginWrite();
            return await JournalWrites.TransitionAsync(j.Rows, j._book, j.Admission, a.id, a.expected, a.to, a.details, j._time.GetUtcNow(), j._commit, ct)
                .ConfigureAwait(false);
        }, ct);

    /// <summary>Runs a write the policy may refuse; a refusal's audit rows and waiting request are written after its
    /// transaction rolled back, in one of their own, and then the refusal is thrown.</summary>
    private async ValueTask<T> AdmittedAsync<TState, T>(TState state, Func<SqliteTransferJournal, TState, CancellationToken, ValueTask<T>> write, CancellationToken ct)
    {
        try
        {
            return await LockedAsync(state, write, ct).ConfigureAwait(false);
        }
        catch (AdmissionRefusal refusal)
        {
            throw await WriteKeptAsync(refusal, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A refusal's kept rows, in a write of their own (a method of its own, so the write that may be refused makes
    /// no closure).</summary>
    private ValueTask<Exception> WriteKeptAsync(AdmissionRefusal refusal, CancellationToken ct) => LockedAsync(refusal, static async (j, refusal, ct) =>
    {
        using var kept = j.BeginWrite();
        return await JournalWrites.WriteKeptAsync(j.Rows, refusal, j._time.GetUtcNow(), j._commit, ct).ConfigureAwait(false);
    }, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<CountedMove>>(async () => await Rows.CountedSinceAsync(since, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Approvals.ApprovalRequest>> ApprovalsAsync(bool all = false, int limit = 1000, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<Approvals.ApprovalRequest>>(async () => await Rows.Approvals.ListAsync(all, limit, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<Approvals.ApprovalRequest?> FindApprovalAsync(string id, CancellationToken ct = default) =>
        LockedAsync(() => Rows.Approvals.FindAsync(id, lockRow: false, ct), ct);

    /// <inheritdoc/>
    public ValueTask<Approvals.ApprovalRequest> DecideApprovalAsync(string id, string approver, bool approve, string? reason = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        return LockedAsync(async () =>
        {
            using var write = BeginWrite();
            return await JournalWrites.DecideAsync(Rows, id, approver, approve, reason, _time.GetUtcNow(), _commit, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Audit.AuditRecord>> AuditAsync(DateTimeOffset since, int limit = int.MaxValue, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<Audit.AuditRecord>>(async () => await Rows.Approvals.AuditAsync(since, limit, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<JournalEntry> NoteAsync(string id, string message, CancellationToken ct = default) => LockedAsync(async () =>
    {
        using var write = BeginWrite();
        return await JournalWrites.NoteAsync(Rows, _book, id, message, _time.GetUtcNow(), _commit, ct).ConfigureAwait(false);
    }, ct);

    /// <inheritdoc/>
    public MoveAdmission? Admission { get; set; }

    /// <inheritdoc/>
    public ValueTask<JournalEntry?> FindAsync(string id, CancellationToken ct = default) => LockedAsync(async () =>
    {
        // One read transaction: the entry and its events from the same snapshot, even while another process writes.
        using var tx = _connection.BeginTransaction(deferred: true);
        var entry = await new Session(this, tx).ReadAsync(id, forUpdate: false, ct).ConfigureAwait(false);
        if (entry is not null) JournalRows.CheckEvents(entry, await ReadEventsAsync(id, tx, ct).ConfigureAwait(false));
        return entry;
    }, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ListAsync(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEntry>>(async () =>
        {
            var cmd = Prepared(ListSql(states), null);
            Set(cmd, "$limit", limit);
            return await JournalRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <summary>Newest first (the write order breaks ties), optionally only some states; walks legs_created or legs_state_created.</summary>
    internal static string ListSql(IReadOnlyCollection<LegState>? states)
    {
        var where = states is null || states.Count == 0 ? "" : $"WHERE state IN ({string.Join(",", states.Select(s => $"'{LegStates.Name(s)}'"))}) ";
        return $"SELECT {JournalRows.Columns} FROM legs {where}ORDER BY created_ms DESC, rowid DESC LIMIT $limit;";
    }

    /// <summary>A route's legs in position order; walks legs_route_order.</summary>
    internal const string ForRouteSql = $"SELECT {JournalRows.Columns} FROM legs WHERE route_id = $route ORDER BY route_leg, created_ms, rowid;";

    /// <summary>The newest route: the first row of the partial index legs_route_latest.</summary>
    internal const string LatestRouteSql = "SELECT route_id FROM legs WHERE route_id IS NOT NULL ORDER BY created_ms DESC, rowid DESC LIMIT 1;";

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ForIntentAsync(string intent, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEntry>>(async () =>
        {
            var cmd = Prepared($"SELECT {JournalRows.Columns} FROM legs WHERE intent = $intent ORDER BY created_ms, rowid;", null);
            Set(cmd, "$intent", intent);
            return await JournalRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ForRouteAsync(string routeId, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEntry>>(async () =>
        {
            var cmd = Prepared(ForRouteSql, null);
            Set(cmd, "$route", routeId);
            return await JournalRows.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <inheritdoc/>
    public ValueTask<string?> LatestRouteIdAsync(CancellationToken ct = default) =>
        LockedAsync(() => ValueTask.FromResult(Prepared(LatestRouteSql, null).ExecuteScalar() as string), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEvent>> EventsAsync(string id, CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalEvent>>(async () => await ReadEventsAsync(id, tx: null, ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlySet<string>> ClaimedHistoryIdsAsync(string venue, CancellationToken ct = default) => LockedAsync(() =>
    {
        var cmd = Prepared(JournalSql.ClaimedHistoryIds, null);
        Set(cmd, "@venue", venue);
        return JournalRows.ReadIdsAsync(cmd, ct);
    }, ct);

    /// <inheritdoc/>
    public ValueTask<ClaimAttempt> ClaimAsync(string subject, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return LockedAsync(async () =>
        {
            var now = _time.GetUtcNow();
            // Re-entry of a fresh claim: only the fencing check, which reads; nothing is written.
            if (await _book.TryReenterAsync(subject, now, Rows, ct).ConfigureAwait(false) is { } again) return again;
            using var write = BeginWrite();
            return await JournalWrites.ClaimAsync(Rows, _book, subject, now, _commit, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string subject, CancellationToken ct = default) => await LockedAsync(() =>
    {
        if (_book.Unhold(subject) is not { } token) return ValueTask.FromResult(false);
        using var write = BeginWrite();
        Rows.DeleteClaim(subject, token);
        _commit();
        return ValueTask.FromResult(true);
    }, ct).ConfigureAwait(false);

    /// <inheritdoc/>
    public ValueTask<JournalClaim?> FindClaimAsync(string subject, CancellationToken ct = default) =>
        LockedAsync(() => ValueTask.FromResult(ReadClaim(subject)), ct);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalClaim>> ClaimsAsync(CancellationToken ct = default) =>
        LockedAsync<IReadOnlyList<JournalClaim>>(async () =>
            await JournalRows.ReadClaimsAsync(Prepared($"SELECT {JournalRows.ClaimColumns} FROM claims ORDER BY token;", null), ct).ConfigureAwait(false), ct);

    /// <inheritdoc/>
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
                var session = Rows;
                foreach (var (subject, token) in _book.TakeAll()) session.DeleteClaim(subject, token);
            }
            catch (SqliteException)
            {
                // The claims expire with their lease.
            }
            foreach (var cmd in _prepared.Values) cmd.Dispose();
            _prepared.Clear();
            foreach (var statement in _statements.Values) statement.Dispose();
            _statements.Clear();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SQLite's close is local and short: the same as <see cref="Dispose"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The renewal timer's tick: every held lease extended in one statement, once the connection is free.</summary>
    private async Task RenewClaimsAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed || _book.IsEmpty) return;
            var until = _time.GetUtcNow() + _book.Lease;
            Rows.RenewOwnerClaims(Owner, until);
            _book.Renewed(until);
        }
        catch (SqliteException)
        {
            // A busy or failing file: the next renewal tries again; until then the lease runs down as it would in a crash.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The file's rows inside one transaction (or the connection's current one when <c>tx</c> is null). Every call
    /// completes synchronously: SQLite's file is local.</summary>
    private sealed class Session(SqliteTransferJournal journal, SqliteTransaction? tx) : IJournalSession
    {
        private ApprovalRows? _approvals;

        public ApprovalRows Approvals => _approvals ??= new(sql => journal.Prepared(sql, tx), disposeCommands: false, forUpdate: "");

        public ValueTask<LegDescription> InsertAsync(string id, LegDescription leg, LegState state, DateTimeOffset now, CancellationToken ct)
        {
            var insert = journal.Statement(JournalSql.InsertLeg);
            var amount = JournalSql.BindLeg(insert, id, leg, state, now);
            try
            {
                insert.Execute();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19 && leg.RouteId is not null)
            {
                throw new RoutePositionTakenException(leg.RouteId, leg.RouteLeg ?? 0);
            }
            return ValueTask.FromResult(JournalSql.AsStored(leg, amount));
        }

        public ValueTask<JournalEntry?> TryTransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known, CancellationToken ct)
        {
            if (known is not null)
            {
                // The hot path (a send's answer): only the changed columns, read in place.
                var update = journal.Statement(JournalSql.TransitionReturningChanged);
                JournalSql.BindTransition(update, id, expected, to, details, now);
                try
                {
                    return ValueTask.FromResult(update.Step() ? JournalRows.ReadChanged(update, id, known.Leg, known.CreatedAt) : null);
                }
                finally
                {
                    update.Reset();
                }
            }
            var cmd = journal.Prepared(JournalSql.TransitionReturningAll, tx);
            JournalSql.BindTransition(cmd, id, expected, to, details, now);
            using var r = cmd.ExecuteReader();
            return ValueTask.FromResult(r.Read() ? JournalRows.Read(r) : null);
        }

        public ValueTask AddEventAsync(string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail, CancellationToken ct)
        {
            var insert = journal.Statement(JournalSql.InsertEvent(seqKnown: seq is not null));
            JournalSql.BindEvent(insert, id, seq, attempt, at, from, to, detail);
            insert.Execute();
            return ValueTask.CompletedTask;
        }

        // A SQLite write transaction holds the whole file's write lock: no row lock is needed.
        public ValueTask<JournalEntry?> ReadAsync(string id, bool forUpdate, CancellationToken ct)
        {
            var cmd = journal.Prepared($"SELECT {JournalRows.Columns} FROM legs WHERE id = @id;", tx);
            Set(cmd, "@id", id);
            return JournalRows.ReadOneAsync(cmd, ct);
        }

        public ValueTask SetMessageAsync(string id, string message, DateTimeOffset now, CancellationToken ct)
        {
            var cmd = journal.Prepared(JournalSql.Note, tx);
            Set(cmd, "@message", message);
            Set(cmd, "@now", now.ToUnixTimeMilliseconds());
            Set(cmd, "@id", id);
            cmd.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        // BEGIN IMMEDIATE already holds the file's write lock: no other writer checks or writes until this one commits.
        public ValueTask LockAdmissionAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask<List<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct)
        {
            var cmd = journal.Prepared(JournalSql.CountedMoves, tx);
            Set(cmd, "@since", since.ToUnixTimeMilliseconds());
            return JournalRows.ReadCountedAsync(cmd, ct);
        }

        public ValueTask<string?> RouteTargetAsync(string routeId, CancellationToken ct)
        {
            var cmd = journal.Prepared(JournalSql.RouteTarget, tx);
            Set(cmd, "@route", routeId);
            return ValueTask.FromResult(cmd.ExecuteScalar() as string);
        }

        public ValueTask<JournalClaim?> ReadClaimAsync(string subject, CancellationToken ct) => ValueTask.FromResult(journal.ReadClaim(subject));

        public ValueTask RenewAsync(long token, DateTimeOffset until, CancellationToken ct)
        {
            var renew = journal.Statement(JournalSql.RenewClaim);
            renew.Set("@until", until.ToUnixTimeMilliseconds());
            renew.Set("@token", token);
            renew.Execute();
            return ValueTask.CompletedTask;
        }

        public ValueTask RenewAllAsync(JournalOwner owner, DateTimeOffset until, CancellationToken ct)
        {
            RenewOwnerClaims(owner, until);
            return ValueTask.CompletedTask;
        }

        public void RenewOwnerClaims(JournalOwner owner, DateTimeOffset until)
        {
            var cmd = journal.Prepared(JournalSql.RenewOwnerClaims, tx);
            Set(cmd, "@until", until.ToUnixTimeMilliseconds());
            Set(cmd, "@owner", owner.InstanceId);
            cmd.ExecuteNonQuery();
        }

        public ValueTask DeleteAsync(string subject, long token, CancellationToken ct)
        {
            DeleteClaim(subject, token);
            return ValueTask.CompletedTask;
        }

        public void DeleteClaim(string subject, long token)
        {
            var delete = journal.Statement(JournalSql.DeleteClaim);
            delete.Set("@subject", subject);
            delete.Set("@token", token);
            delete.Execute();
        }

        public ValueTask<JournalClaim> InsertClaimAsync(string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
        {
            var insert = journal.Statement(JournalSql.InsertClaim);
            JournalSql.BindClaim(insert, subject, owner, now, leaseUntil);
            try
            {
                if (!insert.Step()) throw new InvalidOperationException("SQLite returned no token for a new claim.");
                return ValueTask.FromResult(new JournalClaim(subject, insert.Int64(0), owner, now, leaseUntil));
            }
            finally
            {
                insert.Reset();
            }
        }
    }

    private JournalClaim? ReadClaim(string subject)
    {
        var select = Statement($"SELECT {JournalRows.ClaimColumns} FROM claims WHERE subject = @subject;");
        select.Set("@subject", subject);
        try
        {
            return select.Step() ? JournalRows.ReadClaim(select) : null;
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>The rows outside any <see cref="SqliteTransaction"/> (inside <see cref="BeginWrite"/>'s transaction, or
    /// none), made once.</summary>
    private Session Rows => _rows ??= new Session(this, null);

    /// <summary>Runs <paramref name="work"/> with the connection to itself (one call at a time, without holding a thread while
    /// it waits for its turn) and turns SQLite's failures into the journal's own: a damaged file is
    /// <see cref="JournalCorruptException"/>, an unusable one <see cref="JournalUnavailableException"/>.</summary>
    private ValueTask<T> LockedAsync<T>(Func<ValueTask<T>> work, CancellationToken ct) => LockedAsync(work, static (_, work, _) => work(), ct);

    /// <inheritdoc cref="LockedAsync{T}(Func{ValueTask{T}}, CancellationToken)"/>
    /// <remarks>The hot calls pass their arguments as <paramref name="state"/> to a static lambda: no closure per call.</remarks>
    private async ValueTask<T> LockedAsync<TState, T>(TState state, Func<SqliteTransferJournal, TState, CancellationToken, ValueTask<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await work(this, state, ct).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw Translate(e, _path);
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static Exception Translate(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        26 => new JournalCorruptException($"The journal {path} is not a Ferry journal (not a database file); move it aside to start a new one.", e),
        11 => new JournalCorruptException($"The journal {path} is damaged (truncated or overwritten); move it aside to start a new one.", e),
        8 => new JournalUnavailableException($"The journal {path} cannot be written (read-only file or folder).", e),
        14 => new JournalUnavailableException($"The journal {path} cannot be opened (missing folder or no permission).", e),
        13 => new JournalUnavailableException($"The journal {path} cannot be written: the disk is full.", e),
        5 or 6 => new JournalUnavailableException($"The journal {path} stayed locked by another process for too long; try again.", e),
        10 => new JournalUnavailableException($"The journal {path} could not be read or written (I/O error).", e),
        _ => new JournalUnavailableException($"The journal {path} could not be used (SQLite error {e.SqliteErrorCode}).", e),
    };

    private ValueTask<List<JournalEvent>> ReadEventsAsync(string id, SqliteTransaction? tx, CancellationToken ct)
    {
        var cmd = Prepared($"SELECT {JournalRows.EventColumns} FROM events WHERE leg_id = @id ORDER BY seq;", tx);
        Set(cmd, "@id", id);
        return JournalRows.ReadEventsAsync(cmd, id, ct);
    }

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";

    /// <summary>Starts a write transaction (<c>BEGIN IMMEDIATE</c>: SQLite's write lock up front) with the connection's own
    /// prepared statements rather than <see cref="SqliteConnection.BeginTransaction(bool)"/>, which prepares BEGIN and COMMIT
    /// anew each time; commands inside it run with no <see cref="SqliteTransaction"/>. Disposed uncommitted, it rolls back.</summary>
    private WriteScope BeginWrite()
    {
        Statement("BEGIN IMMEDIATE;").Execute();
        _writeOpen = true;
        return new WriteScope(this);
    }

    /// <summary>The open write transaction: committed by <see cref="_commit"/>, rolled back when disposed before that.</summary>
    private readonly struct WriteScope(SqliteTransferJournal journal) : IDisposable
    {
        public void Dispose()
        {
            if (!journal._writeOpen) return;
            journal._writeOpen = false;
            try
            {
                journal.Statement("ROLLBACK;").Execute();
            }
            catch (SqliteException)
            {
                // SQLite already rolled the transaction back (it does after some errors); nothing is left to undo.
            }
        }
    }

    /// <summary>The connection's <see cref="SqliteStatement"/> for <paramref name="sql"/> (the hot path's statements), made
    /// once and kept until the journal closes.</summary>
    private SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(_connection, sql);
            _statements[sql] = statement;
        }
        return statement;
    }

    /// <summary>The connection's prepared command for <paramref name="sql"/>, made once and kept until the journal closes
    /// (SQLite then parses each statement once, not on every call); its parameters are bound with <see cref="Set"/>.</summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction? tx)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Set(SqliteCommand cmd, string name, object? value) => JournalSql.Set(cmd, name, value);

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd.ExecuteScalar();
    }
}
