using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Money;
using Microsoft.Data.Sqlite;

namespace Ferry.Journal;

/// <summary>
/// The embedded journal: one SQLite file (<c>FERRY_HOME/journal.db</c>) in WAL mode with <c>synchronous=FULL</c>, so
/// every committed transition survives a crash or power loss. Each transition runs in one transaction that checks the
/// current state, checks the step is legal, updates the entry and appends an event; reads check the same rules again.
/// </summary>
public sealed class SqliteTransferJournal : ITransferJournal
{
    /// <summary>The schema this build writes; a file with a newer one is refused. 2 added the route columns.</summary>
    public const int SchemaVersion = 2;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SqliteTransferJournal(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>The file path of the journal under a Ferry home folder.</summary>
    public static string PathUnder(string ferryHome) => System.IO.Path.Combine(ferryHome, "journal.db");

    /// <summary>Opens (creating when needed) the journal at <paramref name="path"/>; throws <see cref="JournalCorruptException"/>
    /// for a file written by a newer Ferry.</summary>
    public static SqliteTransferJournal Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL;");
            Exec(connection, "PRAGMA synchronous=FULL;");
            Exec(connection, "PRAGMA busy_timeout=10000;");
            Migrate(connection);
            return new SqliteTransferJournal(connection, time ?? TimeProvider.System);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection c)
    {
        var version = Convert.ToInt32(Scalar(c, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
            throw new JournalCorruptException(
                $"The journal was written by a newer Ferry (schema {version}, this build knows {SchemaVersion}); upgrade Ferry rather than risk misreading it.");
        if (version == SchemaVersion) return;
        using var tx = c.BeginTransaction();
        if (version < 1) CreateSchema1(c, tx);
        if (version < 2)
        {
            // Schema 2 (issue #9): a leg may belong to a route; its id and the leg's position in it.
            Exec(c, """
                ALTER TABLE legs ADD COLUMN route_id TEXT;
                ALTER TABLE legs ADD COLUMN route_leg INTEGER;
                CREATE INDEX legs_route ON legs(route_id);
                """, tx);
        }
        Exec(c, $"PRAGMA user_version={SchemaVersion};", tx);
        tx.Commit();
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
    public JournalEntry Plan(LegDescription leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.Amount <= 0) throw new ArgumentException("A journaled leg moves a positive amount.", nameof(leg));
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var id = NewId(now);
            using var tx = _connection.BeginTransaction();
            using (var cmd = Command("""
                INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
                  client_tran_id, state, attempt, created_ms, updated_ms, route_id, route_leg)
                VALUES ($id, $intent, $kind, $venue, $account, $endpoint, $parameters, $from, $to, $asset, $amount, $ctid, 'planned', 1, $now, $now,
                  $routeId, $routeLeg);
                """, tx))
            {
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
                cmd.ExecuteNonQuery();
            }
            AddEvent(tx, id, 1, now, null, LegState.Planned, null);
            tx.Commit();
            return Read(id, tx: null)!;
        }
    }

    /// <inheritdoc/>
    public JournalEntry Transition(string id, LegState expected, LegState to, TransitionDetails? details = null)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var current = Read(id, tx) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
            if (current.State != expected || !LegStates.IsLegal(current.State, to))
                throw new IllegalTransitionException(id, current.State, to);
            if (to == LegState.Done && details?.ExchangeId is null && details?.HistoryId is null && current.ExchangeId is null)
                throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
            var now = _time.GetUtcNow();
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
        }
    }

    /// <inheritdoc/>
    public JournalEntry Note(string id, string message)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using (var cmd = Command("UPDATE legs SET message = $message, updated_ms = $now WHERE id = $id;", tx))
            {
                cmd.Parameters.AddWithValue("$message", message);
                cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                cmd.Parameters.AddWithValue("$id", id);
                if (cmd.ExecuteNonQuery() != 1) throw new KeyNotFoundException($"There is no journal entry {id}.");
            }
            tx.Commit();
            return Read(id, tx: null)!;
        }
    }

    /// <inheritdoc/>
    public JournalEntry? Find(string id)
    {
        lock (_gate)
        {
            var entry = Read(id, tx: null);
            if (entry is not null) CheckEvents(entry, ReadEvents(id));
            return entry;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> List(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            var where = states is null || states.Count == 0 ? "" : $"WHERE state IN ({string.Join(",", states.Select(s => $"'{LegStates.Name(s)}'"))})";
            using var cmd = Command($"SELECT * FROM legs {where} ORDER BY created_ms DESC, rowid DESC LIMIT $limit;", null);
            cmd.Parameters.AddWithValue("$limit", limit);
            return ReadAll(cmd);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForIntent(string intent)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT * FROM legs WHERE intent = $intent ORDER BY created_ms, rowid;", null);
            cmd.Parameters.AddWithValue("$intent", intent);
            return ReadAll(cmd);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForRoute(string routeId)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT * FROM legs WHERE route_id = $route ORDER BY route_leg, created_ms, rowid;", null);
            cmd.Parameters.AddWithValue("$route", routeId);
            return ReadAll(cmd);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<JournalEvent> Events(string id)
    {
        lock (_gate) return ReadEvents(id);
    }

    /// <inheritdoc/>
    public IReadOnlySet<string> ClaimedHistoryIds(string venue)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT history_id FROM legs WHERE venue = $venue AND state = 'done' AND history_id IS NOT NULL;", null);
            cmd.Parameters.AddWithValue("$venue", venue);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetString(0));
            return ids;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

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
            var leg = new LegDescription(S("kind"), S("venue"), S("account"), S("endpoint"), ReadParameters(S("parameters")),
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

    private List<JournalEvent> ReadEvents(string id)
    {
        using var cmd = Command("SELECT seq, at_ms, attempt, from_state, to_state, detail FROM events WHERE leg_id = $id ORDER BY seq;", null);
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

    private static List<KeyValuePair<string, string>> ReadParameters(string json)
    {
        var list = new List<KeyValuePair<string, string>>();
        using var doc = JsonDocument.Parse(json);
        foreach (var pair in doc.RootElement.EnumerateArray()) list.Add(new(pair[0].GetString()!, pair[1].GetString()!));
        return list;
    }

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

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
