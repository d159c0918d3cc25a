using System.Globalization;
using System.Security.Cryptography;
using Ferry.Core.Money;
using Microsoft.Data.Sqlite;

namespace Ferry.Engine.Journal;

/// <summary>
/// The embedded journal: one SQLite file (<c>FERRY_HOME/journal.db</c>) in WAL mode with <c>synchronous=FULL</c>, so
/// every committed transition survives a crash or power loss. Each transition runs in one transaction that checks the
/// current state, checks the step is legal, checks the writer's claim, updates the entry and appends an event; reads
/// check the same rules again. Several processes may open one file at once: writes take SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>), work is claimed with leases (<see cref="Claim"/>), and the schema allows one live entry per
/// route position.
/// </summary>
public sealed class SqliteTransferJournal : ITransferJournal
{
    /// <summary>The schema this build writes; a file with a newer one is refused. 2 added the route columns, 3 the claims
    /// table and the one-live-entry-per-route-position index, 4 the indexes that keep list and resume reads independent
    /// of the journal's size, 5 who asked for each leg (the transfer policy's requester).</summary>
    public const int SchemaVersion = 5;

    private const string ClaimColumns = "subject, token, owner, pid, host, started_ms, claimed_ms, lease_until_ms";

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
    private readonly Lock _gate = new();
    private readonly JournalClaimOptions _claims;
    private readonly Dictionary<string, HeldClaim> _held = new(StringComparer.Ordinal);
    private readonly ITimer _renewal;
    private long _writeCommits;
    private bool _disposed;

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private sealed class HeldClaim(long token, DateTimeOffset leaseUntil)
    {
        public long Token { get; } = token;
        public int Count { get; set; } = 1;
        public DateTimeOffset LeaseUntil { get; set; } = leaseUntil;
    }

    private SqliteTransferJournal(SqliteConnection connection, string path, TimeProvider time, JournalClaimOptions claims)
    {
        _connection = connection;
        _path = path;
        _time = time;
        _claims = claims;
        Owner = claims.Owner ?? JournalOwner.ForThisProcess();
        // SQLite calls the commit hook only for transactions that wrote; each such commit is one WAL sync (synchronous=FULL).
        SQLitePCL.raw.sqlite3_commit_hook(connection.Handle, _ => { Interlocked.Increment(ref _writeCommits); return 0; }, null);
        var every = claims.Lease / 3;
        _renewal = time.CreateTimer(_ => RenewClaims(), null, every, every);
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
    /// not have written; <see cref="JournalUnavailableException"/> when the file cannot be opened or written.</summary>
    public static SqliteTransferJournal Open(string path, TimeProvider? time = null, JournalClaimOptions? claims = null)
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
            Migrate(connection);
            CheckStates(connection);
            return new SqliteTransferJournal(connection, full, time ?? TimeProvider.System, claims);
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

    private static void Migrate(SqliteConnection c)
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
        if (version < 5)
        {
            // Schema 5: who asked for the move (person:alice, agent:claude, ...); older legs keep none.
            Exec(c, "ALTER TABLE legs ADD COLUMN requester TEXT;", tx);
        }
        Exec(c, $"PRAGMA user_version={SchemaVersion};", tx);
        tx.Commit();
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
    public JournalEntry Plan(LegDescription leg) => PlanAll([leg])[0];

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> PlanAll(IReadOnlyList<LegDescription> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0) throw new ArgumentException("Plan at least one leg.", nameof(legs));
        foreach (var leg in legs) CheckNew(leg, nameof(legs));
        return Locked(() =>
        {
            var now = _time.GetUtcNow();
            var entries = new List<JournalEntry>(legs.Count);
            // One transaction: a crash leaves all of a route's legs on disk or none, never a route cut short.
            using var tx = _connection.BeginTransaction(deferred: false);
            foreach (var leg in legs)
            {
                // The policy's check and the planned write in one transaction (the write lock is already held); a move
                // written earlier in this batch already counts for the next.
                if (leg.StartsMove) Admit(tx, leg, MoveTarget(tx, leg, legs));
                var id = NewId(now);
                CheckFence(tx, ClaimSubjects.Of(leg, id));
                var written = Insert(tx, id, leg, LegState.Planned, now);
                AddEvent(tx, id, 1, 1, now, null, LegState.Planned, null);
                entries.Add(new JournalEntry(id, written, LegState.Planned, 1, now, now, null, null, null, null, null));
            }
            tx.Commit();
            return (IReadOnlyList<JournalEntry>)entries;
        });
    }

    /// <inheritdoc/>
    public JournalEntry PlanAndBeginSending(LegDescription leg)
    {
        CheckNew(leg, nameof(leg));
        return Locked(() =>
        {
            var now = _time.GetUtcNow();
            var id = NewId(now);
            var subject = ClaimSubjects.Of(leg, id);
            // One transaction: the claim, the planned step and the sending step are on disk together before the request
            // leaves, or none of them is.
            using var write = BeginWrite();
        SqliteTransaction? tx = null; // inside BeginWrite's transaction: no SqliteTransaction object
            var claim = Enter(subject, now, tx);
            if (claim.HeldByOther is { } other) throw new ClaimHeldException(other);
            if (leg.StartsMove) Admit(tx, leg, MoveTarget(tx, leg, [leg]));
            var written = Insert(tx, id, leg, LegState.Sending, now);
            AddEvent(tx, id, 1, 1, now, null, LegState.Planned, null);
            AddEvent(tx, id, 2, 1, now, LegState.Planned, LegState.Sending, null);
            write.Commit();
            Hold(subject, claim.Claimed!);
            return new JournalEntry(id, written, LegState.Sending, 1, now, now, now, null, null, null, null);
        });
    }

    /// <inheritdoc/>
    public JournalEntry CompleteSend(JournalEntry sending, LegState to, TransitionDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(sending);
        if (to is not (LegState.Done or LegState.Rejected or LegState.Unknown))
            throw new ArgumentException("A send ends in done, rejected or unknown.", nameof(to));
        var subject = ClaimSubjects.Of(sending);
        return Locked(() =>
        {
            if (!_held.TryGetValue(subject, out var held)) throw new ClaimLostException(subject);
            using var write = BeginWrite();
        SqliteTransaction? tx = null; // inside BeginWrite's transaction: no SqliteTransaction object
            var entry = Update(tx, sending.Id, LegState.Sending, to, details, sending);
            AddEvent(tx, sending.Id, null, entry.Attempt, entry.UpdatedAt, LegState.Sending, to, Detail(details));
            // The last hold of the claim goes back in the same transaction as the answer.
            if (held.Count == 1) DeleteClaim(subject, held.Token, tx);
            write.Commit();
            Unhold(subject, held);
            return entry;
        });
    }

    private static void CheckNew(LegDescription leg, string parameter)
    {
        ArgumentNullException.ThrowIfNull(leg, parameter);
        if (leg.Amount <= 0) throw new ArgumentException("A journaled leg moves a positive amount.", parameter);
    }

    /// <summary>Writes a new leg row; returns its description as stored (the amount as its wire text reads back).</summary>
    private LegDescription Insert(SqliteTransaction? tx, string id, LegDescription leg, LegState state, DateTimeOffset now)
    {
        var cmd = Prepared("""
            INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
              client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, route_id, route_leg, requester)
            VALUES ($id, $intent, $kind, $venue, $account, $endpoint, $parameters, $from, $to, $asset, $amount, $ctid, $state, 1, $now, $now,
              $sent, $routeId, $routeLeg, $requester);
            """, tx);
        var amount = WireDecimal.Format(leg.Amount);
        var ms = now.ToUnixTimeMilliseconds();
        Set(cmd, "$id", id);
        Set(cmd, "$intent", leg.Intent);
        Set(cmd, "$kind", leg.Kind);
        Set(cmd, "$venue", leg.Venue);
        Set(cmd, "$account", leg.AccountName);
        Set(cmd, "$endpoint", leg.Endpoint);
        Set(cmd, "$parameters", JournalRows.WriteParameters(leg.Parameters));
        Set(cmd, "$from", leg.From);
        Set(cmd, "$to", leg.To);
        Set(cmd, "$asset", leg.Asset);
        Set(cmd, "$amount", amount);
        Set(cmd, "$ctid", leg.ClientTranId);
        Set(cmd, "$state", LegStates.Name(state));
        Set(cmd, "$now", ms);
        Set(cmd, "$sent", state == LegState.Sending ? ms : null);
        Set(cmd, "$routeId", leg.RouteId);
        Set(cmd, "$routeLeg", leg.RouteLeg);
        Set(cmd, "$requester", leg.Requester?.ToString());
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && leg.RouteId is not null)
        {
            throw new RoutePositionTakenException(leg.RouteId, leg.RouteLeg ?? 0);
        }
        // What a read gives back: the amount parsed from the text written (the same value, without trailing zeros).
        return WireDecimal.TryParse(amount, out var stored) && stored.Scale != leg.Amount.Scale ? leg with { Amount = stored } : leg;
    }

    /// <inheritdoc/>
    public JournalEntry Transition(string id, LegState expected, LegState to, TransitionDetails? details = null) => Locked(() =>
    {
        using var write = BeginWrite();
        SqliteTransaction? tx = null; // inside BeginWrite's transaction: no SqliteTransaction object
        // A new attempt of a move that did not execute counts again, so the policy judges it again.
        if (Admission is not null && expected == LegState.NotExecuted && to == LegState.Sending && Read(id, tx) is { Leg.StartsMove: true } again)
            Admit(tx, again.Leg, MoveTarget(tx, again.Leg, []));
        var entry = Update(tx, id, expected, to, details, known: null);
        AddEvent(tx, id, null, entry.Attempt, entry.UpdatedAt, expected, to, Detail(details));
        write.Commit();
        return entry;
    });

    /// <summary>Moves the entry in one UPDATE that checks the expected state and returns the new row; then checks the
    /// writer's claim and what the new state requires, throwing (so the transaction rolls back) when either fails. A
    /// refused step reads the entry to say why, in the order the checks always ran: missing, claim, then legality.
    /// <paramref name="known"/> is the entry as the caller holds it, when it wrote it: its description is not read again.</summary>
    private JournalEntry Update(SqliteTransaction? tx, string id, LegState expected, LegState to, TransitionDetails? details, JournalEntry? known)
    {
        var now = _time.GetUtcNow();
        JournalEntry? entry = null;
        if (LegStates.IsLegal(expected, to))
        {
            var cmd = Prepared($"""
                UPDATE legs SET state = $state, attempt = attempt + $newAttempt, updated_ms = $now,
                  sent_ms = CASE WHEN $sending THEN $now ELSE sent_ms END,
                  exchange_id = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($exchangeId, exchange_id) END,
                  history_id = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($historyId, history_id) END,
                  error_code = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($errorCode, error_code) END,
                  message = COALESCE($message, CASE WHEN $newAttempt THEN NULL ELSE message END)
                WHERE id = $id AND state = $expected
                RETURNING {(known is null ? JournalRows.Columns : JournalRows.ChangedColumns)};
                """, tx);
            var newAttempt = expected == LegState.NotExecuted && to == LegState.Sending;
            Set(cmd, "$state", LegStates.Name(to));
            Set(cmd, "$newAttempt", newAttempt ? 1 : 0);
            Set(cmd, "$now", now.ToUnixTimeMilliseconds());
            Set(cmd, "$sending", to == LegState.Sending ? 1 : 0);
            Set(cmd, "$exchangeId", details?.ExchangeId);
            Set(cmd, "$historyId", details?.HistoryId);
            Set(cmd, "$errorCode", details?.ErrorCode);
            Set(cmd, "$message", details?.Message);
            Set(cmd, "$id", id);
            Set(cmd, "$expected", LegStates.Name(expected));
            using var r = cmd.ExecuteReader();
            if (r.Read()) entry = known is null ? JournalRows.Read(r) : JournalRows.ReadChanged(r, id, known.Leg, known.CreatedAt);
        }
        if (entry is null)
        {
            var current = Read(id, tx) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
            CheckFence(tx, ClaimSubjects.Of(current));
            throw new IllegalTransitionException(id, current.State, to);
        }
        CheckFence(tx, ClaimSubjects.Of(entry));
        if (to == LegState.Done && entry.ExchangeId is null && details?.HistoryId is null)
            throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
        return entry;
    }

    /// <inheritdoc/>
    public MoveAdmission? Admission { get; set; }

    /// <summary>Runs the policy's check on a move about to start, inside the caller's write transaction.</summary>
    private void Admit(SqliteTransaction? tx, LegDescription firstLeg, string target)
    {
        if (Admission is not { } admit) return;
        admit(firstLeg, target, since => Counted(tx, since));
    }

    /// <summary>Where a move that starts with <paramref name="first"/> ends: the last leg of its route among the legs being
    /// written, else the route's last leg already on file, else the leg's own target.</summary>
    private string MoveTarget(SqliteTransaction? tx, LegDescription first, IReadOnlyList<LegDescription> writing)
    {
        if (first.RouteId is null) return first.To;
        var last = writing.Where(l => l.RouteId == first.RouteId).MaxBy(l => l.RouteLeg ?? 0);
        if (last is not null && last.RouteLeg > first.RouteLeg) return last.To;
        var cmd = Prepared("SELECT to_wallet FROM legs WHERE route_id = $route ORDER BY route_leg DESC, created_ms DESC, rowid DESC LIMIT 1;", tx);
        Set(cmd, "$route", first.RouteId);
        return cmd.ExecuteScalar() as string ?? first.To;
    }

    /// <summary>The moves journaled after $since that count against rolling limits: each move's first
    /// leg while planned, sending, done or unknown, with the target of its route's last leg.</summary>
    internal const string CountedSql = $"""
        SELECT {JournalRows.Columns},
          COALESCE((SELECT t.to_wallet FROM legs t WHERE t.route_id = legs.route_id ORDER BY t.route_leg DESC, t.created_ms DESC, t.rowid DESC LIMIT 1), to_wallet)
        FROM legs
        WHERE created_ms > $since AND state IN ('planned', 'sending', 'done', 'unknown') AND (route_id IS NULL OR route_leg = 1)
        ORDER BY created_ms, rowid;
        """;

    private List<CountedMove> Counted(SqliteTransaction? tx, DateTimeOffset since)
    {
        var cmd = Prepared(CountedSql, tx);
        Set(cmd, "$since", since.ToUnixTimeMilliseconds());
        var list = new List<CountedMove>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var entry = JournalRows.Read(r);
            list.Add(new CountedMove(entry.Leg, r.GetString(24), entry.CreatedAt));
        }
        return list;
    }

    /// <inheritdoc/>
    public JournalEntry Note(string id, string message) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var current = Read(id, tx) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        var now = _time.GetUtcNow();
        CheckFence(tx, ClaimSubjects.Of(current));
        var cmd = Prepared("UPDATE legs SET message = $message, updated_ms = $now WHERE id = $id;", tx);
        Set(cmd, "$message", message);
        Set(cmd, "$now", now.ToUnixTimeMilliseconds());
        Set(cmd, "$id", id);
        cmd.ExecuteNonQuery();
        tx.Commit();
        return current with { Message = message, UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()) };
    });

    /// <inheritdoc/>
    public JournalEntry? Find(string id) => Locked(() =>
    {
        // One read transaction: the entry and its events from the same snapshot, even while another process writes.
        using var tx = _connection.BeginTransaction(deferred: true);
        var entry = Read(id, tx);
        if (entry is not null) CheckEvents(entry, ReadEvents(id, tx));
        return entry;
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> List(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue) => Locked(() =>
    {
        var cmd = Prepared(ListSql(states), null);
        Set(cmd, "$limit", limit);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

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
    public IReadOnlyList<JournalEntry> ForIntent(string intent) => Locked(() =>
    {
        var cmd = Prepared($"SELECT {JournalRows.Columns} FROM legs WHERE intent = $intent ORDER BY created_ms, rowid;", null);
        Set(cmd, "$intent", intent);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForRoute(string routeId) => Locked(() =>
    {
        var cmd = Prepared(ForRouteSql, null);
        Set(cmd, "$route", routeId);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

    /// <inheritdoc/>
    public string? LatestRouteId() => Locked(() =>
    {
        var cmd = Prepared(LatestRouteSql, null);
        return cmd.ExecuteScalar() as string;
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEvent> Events(string id) => Locked(() => (IReadOnlyList<JournalEvent>)ReadEvents(id, tx: null));

    /// <inheritdoc/>
    public IReadOnlySet<string> ClaimedHistoryIds(string venue) => Locked(() =>
    {
        var cmd = Prepared("SELECT history_id FROM legs WHERE state = 'done' AND venue = $venue AND history_id IS NOT NULL;", null);
        Set(cmd, "$venue", venue);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return (IReadOnlySet<string>)ids;
    });

    /// <inheritdoc/>
    public ClaimAttempt Claim(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return Locked(() =>
        {
            var now = _time.GetUtcNow();
            if (_held.TryGetValue(subject, out var held) && !LeaseRunDown(held, now))
            {
                // Re-entry of a fresh claim: only the fencing check, which reads; nothing is written.
                var row = ReadClaim(subject, tx: null);
                if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
                held.Count++;
                return new ClaimAttempt(row with { LeaseUntil = held.LeaseUntil }, null);
            }
            using var tx = _connection.BeginTransaction(deferred: false);
            var attempt = Enter(subject, now, tx);
            tx.Commit();
            if (attempt.Claimed is { } claim) Hold(subject, claim);
            return attempt;
        });
    }

    /// <summary>A held lease is renewed on re-entry only once a tenth of it has passed since it was last written (the
    /// timer renews every third); a re-entry right after the claim (a route's legs, an intent's attempt) writes nothing.</summary>
    private bool LeaseRunDown(HeldClaim held, DateTimeOffset now) => held.LeaseUntil - now <= _claims.Lease - _claims.Lease / 10;

    /// <summary>Takes or enters <paramref name="subject"/> inside <paramref name="tx"/>: a held claim is checked and its lease
    /// renewed; a free, expired or provably abandoned one is taken with a new token; a live one of another owner is
    /// returned. Nothing in memory changes here: the caller records the hold after its transaction commits.</summary>
    private ClaimAttempt Enter(string subject, DateTimeOffset now, SqliteTransaction? tx)
    {
        var row = ReadClaim(subject, tx);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            var renewed = row with { LeaseUntil = now + _claims.Lease };
            var renew = Prepared("UPDATE claims SET lease_until_ms = $until WHERE token = $t;", tx);
            Set(renew, "$until", renewed.LeaseUntil.ToUnixTimeMilliseconds());
            Set(renew, "$t", held.Token);
            renew.ExecuteNonQuery();
            return new ClaimAttempt(renewed, null);
        }
        if (row is not null && row.Owner.InstanceId != Owner.InstanceId && row.LeaseUntil > now && !ProcessLiveness.IsProvablyGone(row.Owner))
            return new ClaimAttempt(null, row);
        if (row is not null) DeleteClaim(subject, row.Token, tx);
        return new ClaimAttempt(InsertClaim(subject, now, tx), null);
    }

    /// <summary>Records one more hold of a claim whose write has committed.</summary>
    private void Hold(string subject, JournalClaim claim)
    {
        if (_held.TryGetValue(subject, out var held))
        {
            held.Count++;
            held.LeaseUntil = claim.LeaseUntil;
        }
        else
        {
            _held[subject] = new HeldClaim(claim.Token, claim.LeaseUntil);
        }
    }

    /// <summary>Drops one hold; the last one forgets the claim (its row is already deleted).</summary>
    private void Unhold(string subject, HeldClaim held)
    {
        if (--held.Count == 0) _held.Remove(subject);
    }

    /// <inheritdoc/>
    public void Release(string subject) => Locked(() =>
    {
        if (!_held.TryGetValue(subject, out var held) || --held.Count > 0) return false;
        _held.Remove(subject);
        using var tx = _connection.BeginTransaction(deferred: false);
        DeleteClaim(subject, held.Token, tx);
        tx.Commit();
        return true;
    });

    /// <inheritdoc/>
    public JournalClaim? FindClaim(string subject) => Locked(() => ReadClaim(subject, tx: null));

    /// <inheritdoc/>
    public IReadOnlyList<JournalClaim> Claims() => Locked(() =>
    {
        return (IReadOnlyList<JournalClaim>)ReadClaims(Prepared($"SELECT {ClaimColumns} FROM claims ORDER BY token;", null));
    });

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _renewal.Dispose();
            try
            {
                // A clean exit hands its claims back at once; a crash leaves them to their lease (or the liveness check).
                foreach (var (subject, held) in _held) DeleteClaim(subject, held.Token, tx: null);
            }
            catch (SqliteException)
            {
                // The claims expire with their lease.
            }
            _held.Clear();
            foreach (var cmd in _prepared.Values) cmd.Dispose();
            _prepared.Clear();
            _connection.Dispose();
        }
    }

    /// <summary>Extends the lease of every claim this journal holds; a claim another owner took meanwhile stays in the
    /// held set so the next write under it is refused (<see cref="ClaimLostException"/>).</summary>
    private void RenewClaims()
    {
        lock (_gate)
        {
            if (_disposed || _held.Count == 0) return;
            try
            {
                var until = _time.GetUtcNow() + _claims.Lease;
                var cmd = Prepared("UPDATE claims SET lease_until_ms = $until WHERE owner = $owner;", null);
                Set(cmd, "$until", until.ToUnixTimeMilliseconds());
                Set(cmd, "$owner", Owner.InstanceId);
                cmd.ExecuteNonQuery();
                foreach (var held in _held.Values) held.LeaseUntil = until;
            }
            catch (SqliteException)
            {
                // A busy or failing file: the next renewal tries again; until then the lease runs down as it would in a crash.
            }
        }
    }

    /// <summary>The writer's half of fencing: a write under a subject this journal claimed must still hold that claim's
    /// token; a write under a subject another owner claimed is refused.</summary>
    private void CheckFence(SqliteTransaction? tx, string subject)
    {
        var row = ReadClaim(subject, tx);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            return;
        }
        if (row is not null && row.Owner.InstanceId != Owner.InstanceId) throw new ClaimHeldException(row);
    }

    private JournalClaim InsertClaim(string subject, DateTimeOffset now, SqliteTransaction? tx)
    {
        var cmd = Prepared("""
            INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms)
            VALUES ($s, $owner, $pid, $host, $started, $now, $until) RETURNING token;
            """, tx);
        Set(cmd, "$s", subject);
        Set(cmd, "$owner", Owner.InstanceId);
        Set(cmd, "$pid", Owner.Pid);
        Set(cmd, "$host", Owner.Host);
        Set(cmd, "$started", Owner.StartedAtMs);
        Set(cmd, "$now", now.ToUnixTimeMilliseconds());
        Set(cmd, "$until", (now + _claims.Lease).ToUnixTimeMilliseconds());
        var token = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new JournalClaim(subject, token, Owner, now, now + _claims.Lease);
    }

    private void DeleteClaim(string subject, long token, SqliteTransaction? tx)
    {
        var cmd = Prepared("DELETE FROM claims WHERE subject = $s AND token = $t;", tx);
        Set(cmd, "$s", subject);
        Set(cmd, "$t", token);
        cmd.ExecuteNonQuery();
    }

    private JournalClaim? ReadClaim(string subject, SqliteTransaction? tx)
    {
        var cmd = Prepared($"SELECT {ClaimColumns} FROM claims WHERE subject = $s;", tx);
        Set(cmd, "$s", subject);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadClaim(r) : null;
    }

    private static List<JournalClaim> ReadClaims(SqliteCommand cmd)
    {
        var list = new List<JournalClaim>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(ReadClaim(r));
        return list;
    }

    private static JournalClaim ReadClaim(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), new JournalOwner(r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5)),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)));

    /// <summary>Runs <paramref name="work"/> under the connection's lock and turns SQLite's failures into the journal's
    /// own: a damaged file is <see cref="JournalCorruptException"/>, an unusable one <see cref="JournalUnavailableException"/>.</summary>
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
                throw Translate(e, _path);
            }
        }
    }

    private static Exception Translate(SqliteException e, string path) => e.SqliteErrorCode switch
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

    private JournalEntry? Read(string id, SqliteTransaction? tx)
    {
        var cmd = Prepared($"SELECT {JournalRows.Columns} FROM legs WHERE id = $id;", tx);
        Set(cmd, "$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? JournalRows.Read(r) : null;
    }

    private static List<JournalEntry> ReadAll(SqliteCommand cmd)
    {
        var list = new List<JournalEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JournalRows.Read(r));
        return list;
    }

    /// <summary>The event chain must be a legal walk that ends in the entry's state.</summary>
    private static void CheckEvents(JournalEntry entry, IReadOnlyList<JournalEvent> events)
    {
        LegState? state = null;
        foreach (var e in events)
        {
            if (e.From != state || (state is { } s && !LegStates.IsLegal(s, e.To)) || (state is null && e.To != LegState.Planned))
                throw new JournalCorruptException($"Journal entry {entry.Id} has an illegal recorded step at #{e.Seq}.");
            state = e.To;
        }
        if (state != entry.State)
            throw new JournalCorruptException($"Journal entry {entry.Id} is {LegStates.Name(entry.State)} but its steps end elsewhere.");
    }

    private List<JournalEvent> ReadEvents(string id, SqliteTransaction? tx)
    {
        var cmd = Prepared("SELECT seq, at_ms, attempt, from_state, to_state, detail FROM events WHERE leg_id = $id ORDER BY seq;", tx);
        Set(cmd, "$id", id);
        var list = new List<JournalEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new JournalEvent(id, r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetInt32(2),
                r.IsDBNull(3) ? null : LegStates.Parse(r.GetString(3)), LegStates.Parse(r.GetString(4)), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return list;
    }

    /// <summary>Appends a step; <paramref name="seq"/> is given when the caller knows it (a new entry), else it follows the last.</summary>
    private void AddEvent(SqliteTransaction? tx, string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail)
    {
        var cmd = Prepared(seq is null
            ? """
              INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
              VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE leg_id = $id), $at, $attempt, $from, $to, $detail);
              """
            : """
              INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
              VALUES ($id, $seq, $at, $attempt, $from, $to, $detail);
              """, tx);
        Set(cmd, "$id", id);
        if (seq is { } known) Set(cmd, "$seq", known);
        Set(cmd, "$at", at.ToUnixTimeMilliseconds());
        Set(cmd, "$attempt", attempt);
        Set(cmd, "$from", from is { } f ? LegStates.Name(f) : null);
        Set(cmd, "$to", LegStates.Name(to));
        Set(cmd, "$detail", detail);
        cmd.ExecuteNonQuery();
    }

    private static string? Detail(TransitionDetails? d)
    {
        if (d is null) return null;
        var parts = new List<string>();
        if (d.ExchangeId is not null) parts.Add($"id {d.ExchangeId}");
        if (d.HistoryId is not null) parts.Add($"history row {d.HistoryId}");
        if (d.ErrorCode is not null) parts.Add($"code {d.ErrorCode}");
        if (d.Message is not null) parts.Add(d.Message);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string NewId(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        return $"J{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(random)}";
    }

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";

    /// <summary>Starts a write transaction (<c>BEGIN IMMEDIATE</c>: SQLite's write lock up front) with the connection's own
    /// prepared statements rather than <see cref="SqliteConnection.BeginTransaction(bool)"/>, which prepares BEGIN and COMMIT
    /// anew each time; commands inside it run with no <see cref="SqliteTransaction"/>. Disposed uncommitted, it rolls back.</summary>
    private WriteScope BeginWrite()
    {
        Prepared("BEGIN IMMEDIATE;", null).ExecuteNonQuery();
        return new WriteScope(this);
    }

    private sealed class WriteScope(SqliteTransferJournal journal) : IDisposable
    {
        private bool _done;

        public void Commit()
        {
            journal.Prepared("COMMIT;", null).ExecuteNonQuery();
            _done = true;
        }

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            try
            {
                journal.Prepared("ROLLBACK;", null).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // SQLite already rolled the transaction back (it does after some errors); nothing is left to undo.
            }
        }
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

    private static void Set(SqliteCommand cmd, string name, object? value)
    {
        var parameters = cmd.Parameters;
        var i = parameters.IndexOf(name);
        if (i < 0) parameters.AddWithValue(name, value ?? DBNull.Value);
        else parameters[i].Value = value ?? DBNull.Value;
    }

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
