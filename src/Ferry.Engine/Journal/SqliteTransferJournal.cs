using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// table and the one-live-entry-per-route-position index.</summary>
    public const int SchemaVersion = 3;

    private const string ClaimColumns = "subject, token, owner, pid, host, started_ms, claimed_ms, lease_until_ms";

    private const string StateNames = "'planned','sending','done','rejected','unknown','not-executed'";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly JournalClaimOptions _claims;
    private readonly Dictionary<string, HeldClaim> _held = new(StringComparer.Ordinal);
    private readonly ITimer _renewal;
    private long _writeCommits;
    private bool _disposed;

    private sealed class HeldClaim(long token)
    {
        public long Token { get; } = token;
        public int Count { get; set; } = 1;
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
        cmd.CommandText = $"SELECT id, state FROM legs WHERE state NOT IN ({StateNames}) LIMIT 1;";
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
        foreach (var leg in legs)
        {
            ArgumentNullException.ThrowIfNull(leg);
            if (leg.Amount <= 0) throw new ArgumentException("A journaled leg moves a positive amount.", nameof(legs));
        }
        return Locked(() =>
        {
            var now = _time.GetUtcNow();
            var ids = new List<string>(legs.Count);
            // One transaction: a crash leaves all of a route's legs on disk or none, never a route cut short.
            using var tx = _connection.BeginTransaction(deferred: false);
            foreach (var leg in legs)
            {
                var id = NewId(now);
                CheckFence(tx, ClaimSubjects.Of(leg, id));
                Insert(tx, id, leg, now);
                AddEvent(tx, id, 1, now, null, LegState.Planned, null);
                ids.Add(id);
            }
            tx.Commit();
            return (IReadOnlyList<JournalEntry>)ids.Select(id => Read(id, tx: null)!).ToList();
        });
    }

    private void Insert(SqliteTransaction tx, string id, LegDescription leg, DateTimeOffset now)
    {
        using var cmd = Command("""
            INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
              client_tran_id, state, attempt, created_ms, updated_ms, route_id, route_leg)
            VALUES ($id, $intent, $kind, $venue, $account, $endpoint, $parameters, $from, $to, $asset, $amount, $ctid, 'planned', 1, $now, $now,
              $routeId, $routeLeg);
            """, tx);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$intent", (object?)leg.Intent ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$kind", leg.Kind);
        cmd.Parameters.AddWithValue("$venue", leg.Venue);
        cmd.Parameters.AddWithValue("$account", leg.AccountName);
        cmd.Parameters.AddWithValue("$endpoint", leg.Endpoint);
        cmd.Parameters.AddWithValue("$parameters", WriteParameters(leg.Parameters));
        cmd.Parameters.AddWithValue("$from", leg.From);
        cmd.Parameters.AddWithValue("$to", leg.To);
        cmd.Parameters.AddWithValue("$asset", leg.Asset);
        cmd.Parameters.AddWithValue("$amount", WireDecimal.Format(leg.Amount));
        cmd.Parameters.AddWithValue("$ctid", (object?)leg.ClientTranId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$routeId", (object?)leg.RouteId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$routeLeg", (object?)leg.RouteLeg ?? DBNull.Value);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && leg.RouteId is not null)
        {
            throw new RoutePositionTakenException(leg.RouteId, leg.RouteLeg ?? 0);
        }
    }

    /// <inheritdoc/>
    public JournalEntry Transition(string id, LegState expected, LegState to, TransitionDetails? details = null) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var current = Read(id, tx) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        var now = _time.GetUtcNow();
        CheckFence(tx, ClaimSubjects.Of(current));
        if (current.State != expected || !LegStates.IsLegal(current.State, to))
            throw new IllegalTransitionException(id, current.State, to);
        if (to == LegState.Done && details?.ExchangeId is null && details?.HistoryId is null && current.ExchangeId is null)
            throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
        var newAttempt = current.State == LegState.NotExecuted && to == LegState.Sending;
        var attempt = newAttempt ? current.Attempt + 1 : current.Attempt;
        using (var cmd = Command("""
            UPDATE legs SET state = $state, attempt = $attempt, updated_ms = $now,
              sent_ms = CASE WHEN $sending THEN $now ELSE sent_ms END,
              exchange_id = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($exchangeId, exchange_id) END,
              history_id = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($historyId, history_id) END,
              error_code = CASE WHEN $newAttempt THEN NULL ELSE COALESCE($errorCode, error_code) END,
              message = COALESCE($message, CASE WHEN $newAttempt THEN NULL ELSE message END)
            WHERE id = $id AND state = $expected;
            """, tx))
        {
            cmd.Parameters.AddWithValue("$state", LegStates.Name(to));
            cmd.Parameters.AddWithValue("$attempt", attempt);
            cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$sending", to == LegState.Sending);
            cmd.Parameters.AddWithValue("$newAttempt", newAttempt);
            cmd.Parameters.AddWithValue("$exchangeId", (object?)details?.ExchangeId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$historyId", (object?)details?.HistoryId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$errorCode", (object?)details?.ErrorCode ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$message", (object?)details?.Message ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$expected", LegStates.Name(expected));
            if (cmd.ExecuteNonQuery() != 1) throw new IllegalTransitionException(id, current.State, to);
        }
        AddEvent(tx, id, attempt, now, current.State, to, Detail(details));
        tx.Commit();
        return Read(id, tx: null)!;
    });

    /// <inheritdoc/>
    public JournalEntry Note(string id, string message) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var current = Read(id, tx) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        var now = _time.GetUtcNow();
        CheckFence(tx, ClaimSubjects.Of(current));
        using (var cmd = Command("UPDATE legs SET message = $message, updated_ms = $now WHERE id = $id;", tx))
        {
            cmd.Parameters.AddWithValue("$message", message);
            cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return Read(id, tx: null)!;
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
        var where = states is null || states.Count == 0 ? "" : $"WHERE state IN ({string.Join(",", states.Select(s => $"'{LegStates.Name(s)}'"))})";
        using var cmd = Command($"SELECT * FROM legs {where} ORDER BY created_ms DESC, rowid DESC LIMIT $limit;", null);
        cmd.Parameters.AddWithValue("$limit", limit);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForIntent(string intent) => Locked(() =>
    {
        using var cmd = Command("SELECT * FROM legs WHERE intent = $intent ORDER BY created_ms, rowid;", null);
        cmd.Parameters.AddWithValue("$intent", intent);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForRoute(string routeId) => Locked(() =>
    {
        using var cmd = Command("SELECT * FROM legs WHERE route_id = $route ORDER BY route_leg, created_ms, rowid;", null);
        cmd.Parameters.AddWithValue("$route", routeId);
        return (IReadOnlyList<JournalEntry>)ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEvent> Events(string id) => Locked(() => (IReadOnlyList<JournalEvent>)ReadEvents(id, tx: null));

    /// <inheritdoc/>
    public IReadOnlySet<string> ClaimedHistoryIds(string venue) => Locked(() =>
    {
        using var cmd = Command("SELECT history_id FROM legs WHERE venue = $venue AND state = 'done' AND history_id IS NOT NULL;", null);
        cmd.Parameters.AddWithValue("$venue", venue);
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
            using var tx = _connection.BeginTransaction(deferred: false);
            var row = ReadClaim(subject, tx);
            if (_held.TryGetValue(subject, out var held))
            {
                if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
                held.Count++;
                var renewed = row with { LeaseUntil = now + _claims.Lease };
                using (var renew = Command("UPDATE claims SET lease_until_ms = $until WHERE token = $t;", tx))
                {
                    renew.Parameters.AddWithValue("$until", renewed.LeaseUntil.ToUnixTimeMilliseconds());
                    renew.Parameters.AddWithValue("$t", held.Token);
                    renew.ExecuteNonQuery();
                }
                tx.Commit();
                return new ClaimAttempt(renewed, null);
            }
            if (row is not null && row.Owner.InstanceId != Owner.InstanceId && row.LeaseUntil > now && !ProcessLiveness.IsProvablyGone(row.Owner))
                return new ClaimAttempt(null, row);
            if (row is not null) DeleteClaim(subject, row.Token, tx);
            var claim = InsertClaim(subject, now, tx);
            tx.Commit();
            _held[subject] = new HeldClaim(claim.Token);
            return new ClaimAttempt(claim, null);
        });
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
        using var cmd = Command($"SELECT {ClaimColumns} FROM claims ORDER BY token;", null);
        return (IReadOnlyList<JournalClaim>)ReadClaims(cmd);
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
                using var cmd = Command("UPDATE claims SET lease_until_ms = $until WHERE owner = $owner;", null);
                cmd.Parameters.AddWithValue("$until", (_time.GetUtcNow() + _claims.Lease).ToUnixTimeMilliseconds());
                cmd.Parameters.AddWithValue("$owner", Owner.InstanceId);
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A busy or failing file: the next renewal tries again; until then the lease runs down as it would in a crash.
            }
        }
    }

    /// <summary>The writer's half of fencing: a write under a subject this journal claimed must still hold that claim's
    /// token; a write under a subject another owner claimed is refused.</summary>
    private void CheckFence(SqliteTransaction tx, string subject)
    {
        var row = ReadClaim(subject, tx);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            return;
        }
        if (row is not null && row.Owner.InstanceId != Owner.InstanceId) throw new ClaimHeldException(row);
    }

    private JournalClaim InsertClaim(string subject, DateTimeOffset now, SqliteTransaction tx)
    {
        using var cmd = Command("""
            INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms)
            VALUES ($s, $owner, $pid, $host, $started, $now, $until) RETURNING token;
            """, tx);
        cmd.Parameters.AddWithValue("$s", subject);
        cmd.Parameters.AddWithValue("$owner", Owner.InstanceId);
        cmd.Parameters.AddWithValue("$pid", Owner.Pid);
        cmd.Parameters.AddWithValue("$host", Owner.Host);
        cmd.Parameters.AddWithValue("$started", Owner.StartedAtMs);
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$until", (now + _claims.Lease).ToUnixTimeMilliseconds());
        var token = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new JournalClaim(subject, token, Owner, now, now + _claims.Lease);
    }

    private void DeleteClaim(string subject, long token, SqliteTransaction? tx)
    {
        using var cmd = Command("DELETE FROM claims WHERE subject = $s AND token = $t;", tx);
        cmd.Parameters.AddWithValue("$s", subject);
        cmd.Parameters.AddWithValue("$t", token);
        cmd.ExecuteNonQuery();
    }

    private JournalClaim? ReadClaim(string subject, SqliteTransaction? tx)
    {
        using var cmd = Command($"SELECT {ClaimColumns} FROM claims WHERE subject = $s;", tx);
        cmd.Parameters.AddWithValue("$s", subject);
        return ReadClaims(cmd).SingleOrDefault();
    }

    private static List<JournalClaim> ReadClaims(SqliteCommand cmd)
    {
        var list = new List<JournalClaim>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new JournalClaim(r.GetString(0), r.GetInt64(1), new JournalOwner(r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7))));
        }
        return list;
    }

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
        using var cmd = Command("SELECT * FROM legs WHERE id = $id;", tx);
        cmd.Parameters.AddWithValue("$id", id);
        return ReadAll(cmd).SingleOrDefault();
    }

    private static List<JournalEntry> ReadAll(SqliteCommand cmd)
    {
        var list = new List<JournalEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string S(string name) => r.GetString(r.GetOrdinal(name));
            string? N(string name) => r.IsDBNull(r.GetOrdinal(name)) ? null : r.GetString(r.GetOrdinal(name));
            long? L(string name) => r.IsDBNull(r.GetOrdinal(name)) ? null : r.GetInt64(r.GetOrdinal(name));
            if (!WireDecimal.TryParse(S("amount"), out var amount))
                throw new JournalCorruptException($"Journal entry {S("id")} holds an unreadable amount.");
            var leg = new LegDescription(S("kind"), S("venue"), S("account"), S("endpoint"), ReadParameters(S("id"), S("parameters")),
                S("from_wallet"), S("to_wallet"), S("asset"), amount, N("client_tran_id"), N("intent"))
            {
                RouteId = N("route_id"), RouteLeg = L("route_leg") is { } position ? (int)position : null,
            };
            var entry = new JournalEntry(S("id"), leg, LegStates.Parse(S("state")), (int)L("attempt")!.Value,
                DateTimeOffset.FromUnixTimeMilliseconds(L("created_ms")!.Value), DateTimeOffset.FromUnixTimeMilliseconds(L("updated_ms")!.Value),
                L("sent_ms") is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null,
                N("exchange_id"), N("history_id"), N("error_code"), N("message"));
            CheckEntry(entry);
            list.Add(entry);
        }
        return list;
    }

    /// <summary>The read-side half of the paired checks: what each state implies about the stored fields.</summary>
    private static void CheckEntry(JournalEntry e)
    {
        if (e.Attempt < 1) throw new JournalCorruptException($"Journal entry {e.Id} has attempt {e.Attempt}.");
        if (e.State != LegState.Planned && e.SentAt is null && !(e.State == LegState.NotExecuted && e.Attempt == 1))
            throw new JournalCorruptException($"Journal entry {e.Id} is {LegStates.Name(e.State)} but has no send time.");
        if (e.State == LegState.Planned && e.SentAt is not null)
            throw new JournalCorruptException($"Journal entry {e.Id} is planned but has a send time.");
        if (e.State == LegState.Done && e.ExchangeId is null && e.HistoryId is null)
            throw new JournalCorruptException($"Journal entry {e.Id} is done but names no transfer id.");
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
        using var cmd = Command("SELECT seq, at_ms, attempt, from_state, to_state, detail FROM events WHERE leg_id = $id ORDER BY seq;", tx);
        cmd.Parameters.AddWithValue("$id", id);
        var list = new List<JournalEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new JournalEvent(id, r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetInt32(2),
                r.IsDBNull(3) ? null : LegStates.Parse(r.GetString(3)), LegStates.Parse(r.GetString(4)), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return list;
    }

    private void AddEvent(SqliteTransaction tx, string id, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail)
    {
        using var cmd = Command("""
            INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE leg_id = $id), $at, $attempt, $from, $to, $detail);
            """, tx);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$attempt", attempt);
        cmd.Parameters.AddWithValue("$from", from is { } f ? LegStates.Name(f) : DBNull.Value);
        cmd.Parameters.AddWithValue("$to", LegStates.Name(to));
        cmd.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
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

    private static string WriteParameters(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var array = new JsonArray();
        foreach (var (k, v) in parameters) array.Add(new JsonArray(k, v));
        return array.ToJsonString();
    }

    private static List<KeyValuePair<string, string>> ReadParameters(string id, string json)
    {
        try
        {
            var list = new List<KeyValuePair<string, string>>();
            using var doc = JsonDocument.Parse(json);
            foreach (var pair in doc.RootElement.EnumerateArray()) list.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            return list;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new JournalCorruptException($"Journal entry {id} holds unreadable request parameters.");
        }
    }

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
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
