using System.Data;
using System.Globalization;
using Ferry.Core.Money;
using Ferry.Engine.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Ferry.Engine.Postgres;

/// <summary>
/// The journal in a PostgreSQL database, for several processes on several machines: the same state machine, claims and
/// checks as <see cref="SqliteTransferJournal"/>. Each transition is one transaction whose <c>UPDATE … WHERE state =
/// expected</c> is the compare-and-set (the row lock makes concurrent writers of one entry queue, and all but the first
/// find the state moved); the writer's claim row is read <c>FOR SHARE</c> so no take-over commits in between; claimers of
/// one subject queue on a transaction advisory lock. Unique indexes allow one live entry per route position and one done
/// entry per history row. The API is synchronous like the interface (Npgsql's synchronous calls); every committed write
/// is durable as the server's settings make it (<c>synchronous_commit</c>).
/// </summary>
public sealed class PostgresTransferJournal : ITransferJournal
{
    /// <summary>The schema this build writes (its own numbering, in the <c>ferry_schema</c> table); a database with a newer
    /// one is refused.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The advisory lock key every migration takes, so processes opening one database at once migrate it once.</summary>
    private const long MigrationLock = 0x4665727279_4A;

    private const string States = "'planned', 'sending', 'done', 'rejected', 'unknown', 'not-executed'";

    private readonly NpgsqlConnection _connection;
    private readonly PostgresJournalAddress _address;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly ClaimBook _book;
    private readonly ITimer _renewal;
    private bool _disposed;

    private PostgresTransferJournal(NpgsqlConnection connection, PostgresJournalAddress address, TimeProvider time, JournalClaimOptions claims)
    {
        _connection = connection;
        _address = address;
        _time = time;
        Owner = claims.Owner ?? JournalOwner.ForThisProcess();
        _book = new ClaimBook(Owner, claims.Lease);
        var every = claims.Lease / 3;
        _renewal = time.CreateTimer(_ => RenewClaims(), null, every, every);
    }

    /// <inheritdoc/>
    public JournalOwner Owner { get; }

    /// <summary>Where this journal lives, without the password.</summary>
    public string Display => _address.Display;

    /// <summary>Opens the journal in the database <paramref name="address"/> names. Its schema must exist (made by
    /// <see cref="Migrate"/>, <c>ferry journal migrate</c>): a database without one, or with a newer one, or holding a state
    /// the state machine never writes, is refused (<see cref="JournalCorruptException"/>); an unreachable server, a refused
    /// login or a missing database is <see cref="JournalUnavailableException"/>. Messages never hold the password.</summary>
    public static PostgresTransferJournal Open(PostgresJournalAddress address, TimeProvider? time = null, JournalClaimOptions? claims = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        claims ??= new JournalClaimOptions();
        claims.Validate();
        var connection = Connect(address);
        try
        {
            var version = ReadVersion(connection, address);
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
            CheckStates(connection);
            return new PostgresTransferJournal(connection, address, time ?? TimeProvider.System, claims);
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw Translate(e, address);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates or upgrades the schema of the database <paramref name="address"/> names and returns its version. Safe
    /// from several processes at once: each takes one advisory lock and reads the version again under it. A newer schema
    /// is refused (<see cref="JournalCorruptException"/>).</summary>
    public static int Migrate(PostgresJournalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var connection = Connect(address);
        try
        {
            if (ReadVersion(connection, address) == SchemaVersion) return SchemaVersion;
            using var tx = connection.BeginTransaction();
            Exec(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock});");
            // Read again under the lock: another process may have migrated meanwhile.
            var version = ReadVersion(connection, address) ?? 0;
            if (version == SchemaVersion) return SchemaVersion;
            if (version < 1) CreateSchema1(connection, tx);
            Exec(connection, tx, $"UPDATE ferry_schema SET version = {SchemaVersion};");
            tx.Commit();
            return SchemaVersion;
        }
        catch (NpgsqlException e)
        {
            throw Translate(e, address);
        }
    }

    private static NpgsqlConnection Connect(PostgresJournalAddress address)
    {
        var connection = new NpgsqlConnection(address.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw Translate(e, address);
        }
    }

    /// <summary>The schema version, null when the database holds no Ferry journal; a newer one is refused.</summary>
    private static int? ReadVersion(NpgsqlConnection c, PostgresJournalAddress address)
    {
        // Two statements: a query naming ferry_schema cannot even be planned in a database without it.
        using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'ferry_schema');", c))
        {
            if (exists.ExecuteScalar() is not true) return null;
        }
        using var cmd = new NpgsqlCommand("SELECT max(version) FROM ferry_schema;", c);
        var value = cmd.ExecuteScalar();
        if (value is null or DBNull) return null;
        var version = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new JournalCorruptException(
                $"The journal in {address.Display} was written by a newer Ferry (schema {version}, this build knows {SchemaVersion}); upgrade Ferry rather than risk misreading it.");
        }
        return version;
    }

    private static void CreateSchema1(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        // Schema 1 is SQLite's schema 4 plus what many writers need: seq (write order, never reused), identity tokens for
        // claims (a sequence never hands a token out twice), and one done entry per history row across every worker.
        Exec(c, tx, """
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
            """);
    }

    /// <summary>Every open refuses a journal that holds a state the state machine could not have written.</summary>
    private static void CheckStates(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand($"SELECT id, state FROM legs WHERE state NOT IN ({States}) LIMIT 1;", c);
        using var r = cmd.ExecuteReader();
        if (r.Read())
        {
            var state = r.GetString(1);
            throw new JournalCorruptException(
                $"Journal entry {r.GetString(0)} holds an unknown state '{(state.Length <= 20 ? state : state[..20] + "…")}'; Ferry will not act on a journal it cannot read.");
        }
    }

    /// <inheritdoc/>
    public JournalEntry Plan(LegDescription leg) => PlanAll([leg])[0];

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> PlanAll(IReadOnlyList<LegDescription> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0) throw new ArgumentException("Plan at least one leg.", nameof(legs));
        foreach (var leg in legs) JournalRows.CheckNew(leg, nameof(legs));
        return Locked(tx =>
        {
            var now = _time.GetUtcNow();
            var entries = new List<JournalEntry>(legs.Count);
            foreach (var leg in legs)
            {
                var id = JournalRows.NewId(now);
                _book.CheckFence(ClaimSubjects.Of(leg, id), new ClaimRows(this, tx));
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
        JournalRows.CheckNew(leg, nameof(leg));
        return Locked(tx =>
        {
            var now = _time.GetUtcNow();
            var id = JournalRows.NewId(now);
            var subject = ClaimSubjects.Of(leg, id);
            var claim = _book.Enter(subject, now, new ClaimRows(this, tx, ClaimLock.Take));
            if (claim.HeldByOther is { } other) throw new ClaimHeldException(other);
            var written = Insert(tx, id, leg, LegState.Sending, now);
            AddEvent(tx, id, 1, 1, now, null, LegState.Planned, null);
            AddEvent(tx, id, 2, 1, now, LegState.Planned, LegState.Sending, null);
            tx.Commit();
            _book.Hold(subject, claim.Claimed!);
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
        return Locked(tx =>
        {
            var last = _book.IsLastHold(subject, out var token);
            var entry = Update(tx, sending.Id, LegState.Sending, to, details, sending);
            AddEvent(tx, sending.Id, null, entry.Attempt, entry.UpdatedAt, LegState.Sending, to, JournalRows.Detail(details));
            // The last hold of the claim goes back in the same transaction as the answer.
            if (last) DeleteClaim(tx, subject, token);
            tx.Commit();
            _book.Unhold(subject);
            return entry;
        });
    }

    /// <inheritdoc/>
    public JournalEntry Transition(string id, LegState expected, LegState to, TransitionDetails? details = null) => Locked(tx =>
    {
        var entry = Update(tx, id, expected, to, details, known: null);
        AddEvent(tx, id, null, entry.Attempt, entry.UpdatedAt, expected, to, JournalRows.Detail(details));
        tx.Commit();
        return entry;
    });

    /// <summary>Writes a new leg row; returns its description as stored (the amount as its wire text reads back).</summary>
    private LegDescription Insert(NpgsqlTransaction tx, string id, LegDescription leg, LegState state, DateTimeOffset now)
    {
        using var cmd = Command("""
            INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
              client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, route_id, route_leg)
            VALUES (@id, @intent, @kind, @venue, @account, @endpoint, @parameters, @from, @to, @asset, @amount, @ctid, @state, 1,
              @now, @now, @sent, @routeId, @routeLeg);
            """, tx);
        var amount = WireDecimal.Format(leg.Amount);
        var ms = now.ToUnixTimeMilliseconds();
        Text(cmd, "id", id);
        Text(cmd, "intent", leg.Intent);
        Text(cmd, "kind", leg.Kind);
        Text(cmd, "venue", leg.Venue);
        Text(cmd, "account", leg.AccountName);
        Text(cmd, "endpoint", leg.Endpoint);
        Text(cmd, "parameters", JournalRows.WriteParameters(leg.Parameters));
        Text(cmd, "from", leg.From);
        Text(cmd, "to", leg.To);
        Text(cmd, "asset", leg.Asset);
        Text(cmd, "amount", amount);
        Text(cmd, "ctid", leg.ClientTranId);
        Text(cmd, "state", LegStates.Name(state));
        Long(cmd, "now", ms);
        Long(cmd, "sent", state == LegState.Sending ? ms : null);
        Text(cmd, "routeId", leg.RouteId);
        Int(cmd, "routeLeg", leg.RouteLeg);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "legs_route_live")
        {
            throw new RoutePositionTakenException(leg.RouteId!, leg.RouteLeg ?? 0);
        }
        // What a read gives back: the amount parsed from the text written (the same value, without trailing zeros).
        return WireDecimal.TryParse(amount, out var stored) && stored.Scale != leg.Amount.Scale ? leg with { Amount = stored } : leg;
    }

    /// <summary>Moves the entry in one UPDATE that checks the expected state (and locks the row, so a concurrent writer of
    /// the same entry waits and then finds the state moved) and returns the new row; then checks the writer's claim and
    /// what the new state requires, throwing (the transaction rolls back) when either fails. A refused step reads the entry
    /// to say why, in the order the SQLite store checks: missing, claim, then legality.</summary>
    private JournalEntry Update(NpgsqlTransaction tx, string id, LegState expected, LegState to, TransitionDetails? details, JournalEntry? known)
    {
        var now = _time.GetUtcNow();
        JournalEntry? entry = null;
        if (LegStates.IsLegal(expected, to))
        {
            using var cmd = Command($"""
                UPDATE legs SET state = @state, attempt = attempt + (CASE WHEN @newAttempt THEN 1 ELSE 0 END), updated_ms = @now,
                  sent_ms = CASE WHEN @sending THEN @now ELSE sent_ms END,
                  exchange_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@exchangeId, exchange_id) END,
                  history_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@historyId, history_id) END,
                  error_code = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@errorCode, error_code) END,
                  message = COALESCE(@message, CASE WHEN @newAttempt THEN NULL ELSE message END)
                WHERE id = @id AND state = @expected
                RETURNING {(known is null ? JournalRows.Columns : JournalRows.ChangedColumns)};
                """, tx);
            Text(cmd, "state", LegStates.Name(to));
            Bool(cmd, "newAttempt", expected == LegState.NotExecuted && to == LegState.Sending);
            Long(cmd, "now", now.ToUnixTimeMilliseconds());
            Bool(cmd, "sending", to == LegState.Sending);
            Text(cmd, "exchangeId", details?.ExchangeId);
            Text(cmd, "historyId", details?.HistoryId);
            Text(cmd, "errorCode", details?.ErrorCode);
            Text(cmd, "message", details?.Message);
            Text(cmd, "id", id);
            Text(cmd, "expected", LegStates.Name(expected));
            try
            {
                using var r = cmd.ExecuteReader();
                if (r.Read()) entry = known is null ? JournalRows.Read(r) : JournalRows.ReadChanged(r, id, known.Leg, known.CreatedAt);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "legs_history_claim")
            {
                // The transaction is aborted now; the refusal needs nothing more from it.
                throw new HistoryRowTakenException(details?.HistoryId ?? "?");
            }
        }
        if (entry is null)
        {
            var current = Read(tx, id) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
            _book.CheckFence(ClaimSubjects.Of(current), new ClaimRows(this, tx));
            throw new IllegalTransitionException(id, current.State, to);
        }
        _book.CheckFence(ClaimSubjects.Of(entry), new ClaimRows(this, tx));
        if (to == LegState.Done && entry.ExchangeId is null && details?.HistoryId is null)
            throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
        return entry;
    }

    /// <inheritdoc/>
    public JournalEntry Note(string id, string message) => Locked(tx =>
    {
        var current = Read(tx, id, forUpdate: true) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        var now = _time.GetUtcNow();
        _book.CheckFence(ClaimSubjects.Of(current), new ClaimRows(this, tx));
        using var cmd = Command("UPDATE legs SET message = @message, updated_ms = @now WHERE id = @id;", tx);
        Text(cmd, "message", message);
        Long(cmd, "now", now.ToUnixTimeMilliseconds());
        Text(cmd, "id", id);
        cmd.ExecuteNonQuery();
        tx.Commit();
        return current with { Message = message, UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()) };
    });

    /// <inheritdoc/>
    public JournalEntry? Find(string id) => Locked(tx =>
    {
        var entry = Read(tx, id);
        if (entry is not null) JournalRows.CheckEvents(entry, ReadEvents(tx, id));
        return entry;
    }, IsolationLevel.RepeatableRead); // the entry and its events from one snapshot, even while another process writes

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> List(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue) => Locked(tx =>
    {
        var filtered = states is { Count: > 0 };
        using var cmd = Command(
            $"SELECT {JournalRows.Columns} FROM legs {(filtered ? "WHERE state = ANY(@states) " : "")}ORDER BY created_ms DESC, seq DESC LIMIT @limit;", tx);
        if (filtered) cmd.Parameters.Add(new NpgsqlParameter<string[]>("states", states!.Select(LegStates.Name).ToArray()));
        Long(cmd, "limit", limit);
        return ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForIntent(string intent) => Locked(tx =>
    {
        using var cmd = Command($"SELECT {JournalRows.Columns} FROM legs WHERE intent = @key ORDER BY created_ms, seq;", tx);
        Text(cmd, "key", intent);
        return ReadAll(cmd);
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEntry> ForRoute(string routeId) => Locked(tx =>
    {
        using var cmd = Command($"SELECT {JournalRows.Columns} FROM legs WHERE route_id = @key ORDER BY route_leg, created_ms, seq;", tx);
        Text(cmd, "key", routeId);
        return ReadAll(cmd);
    });

    /// <inheritdoc/>
    public string? LatestRouteId() => Locked(tx =>
    {
        using var cmd = Command("SELECT route_id FROM legs WHERE route_id IS NOT NULL ORDER BY created_ms DESC, seq DESC LIMIT 1;", tx);
        return cmd.ExecuteScalar() as string;
    });

    /// <inheritdoc/>
    public IReadOnlyList<JournalEvent> Events(string id) => Locked(tx => (IReadOnlyList<JournalEvent>)ReadEvents(tx, id));

    /// <inheritdoc/>
    public IReadOnlySet<string> ClaimedHistoryIds(string venue) => Locked(tx =>
    {
        using var cmd = Command("SELECT history_id FROM legs WHERE state = 'done' AND venue = @venue AND history_id IS NOT NULL;", tx);
        Text(cmd, "venue", venue);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return (IReadOnlySet<string>)ids;
    });

    /// <inheritdoc/>
    public ClaimAttempt Claim(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return Locked(tx =>
        {
            var now = _time.GetUtcNow();
            // Re-entry of a fresh claim: only the fencing check, which reads; nothing is written.
            if (_book.TryReenter(subject, now, () => ReadClaim(tx, subject, ClaimLock.None)) is { } again) return again;
            var attempt = _book.Enter(subject, now, new ClaimRows(this, tx, ClaimLock.Take));
            tx.Commit();
            if (attempt.Claimed is { } claim) _book.Hold(subject, claim);
            return attempt;
        });
    }

    /// <inheritdoc/>
    public void Release(string subject) => Locked(tx =>
    {
        if (_book.Unhold(subject) is not { } token) return false;
        DeleteClaim(tx, subject, token);
        tx.Commit();
        return true;
    });

    /// <inheritdoc/>
    public JournalClaim? FindClaim(string subject) => Locked(tx => ReadClaim(tx, subject, ClaimLock.None));

    /// <inheritdoc/>
    public IReadOnlyList<JournalClaim> Claims() => Locked(tx =>
    {
        using var cmd = Command($"SELECT {JournalRows.ClaimColumns} FROM claims ORDER BY token;", tx);
        var list = new List<JournalClaim>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JournalRows.ReadClaim(r));
        return (IReadOnlyList<JournalClaim>)list;
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
                using var tx = _connection.BeginTransaction();
                foreach (var (subject, token) in _book.All) DeleteClaim(tx, subject, token);
                tx.Commit();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The claims expire with their lease.
            }
            _book.Clear();
            _connection.Dispose();
        }
    }

    /// <summary>Extends the lease of every claim this journal holds; a claim another owner took meanwhile stays in the book
    /// so the next write under it is refused (<see cref="ClaimLostException"/>).</summary>
    private void RenewClaims()
    {
        lock (_gate)
        {
            if (_disposed || _book.IsEmpty) return;
            try
            {
                var until = _time.GetUtcNow() + _book.Lease;
                using var cmd = Command("UPDATE claims SET lease_until_ms = @until WHERE owner = @owner;", tx: null);
                Long(cmd, "until", until.ToUnixTimeMilliseconds());
                Text(cmd, "owner", Owner.InstanceId);
                cmd.ExecuteNonQuery();
                _book.RenewedAll(until);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // An unreachable server: the next renewal tries again; until then the lease runs down as it would in a crash.
            }
        }
    }

    /// <summary>The claims table inside one transaction. A claimer first takes the subject's advisory lock, so two owners
    /// claiming one free subject queue rather than both inserting; a writer reads its claim row FOR SHARE, so a take-over
    /// (which deletes that row) waits until the write has committed.</summary>
    private sealed class ClaimRows(PostgresTransferJournal journal, NpgsqlTransaction tx, ClaimLock mode = ClaimLock.Share) : IClaimRows
    {
        public JournalClaim? Read(string subject) => journal.ReadClaim(tx, subject, mode);

        public void Renew(long token, DateTimeOffset until)
        {
            using var cmd = journal.Command("UPDATE claims SET lease_until_ms = @until WHERE token = @token;", tx);
            Long(cmd, "until", until.ToUnixTimeMilliseconds());
            Long(cmd, "token", token);
            cmd.ExecuteNonQuery();
        }

        public void Delete(string subject, long token) => journal.DeleteClaim(tx, subject, token);

        public JournalClaim Insert(string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil)
        {
            using var cmd = journal.Command("""
                INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms)
                VALUES (@subject, @owner, @pid, @host, @started, @now, @until) RETURNING token;
                """, tx);
            Text(cmd, "subject", subject);
            Text(cmd, "owner", owner.InstanceId);
            Int(cmd, "pid", owner.Pid);
            Text(cmd, "host", owner.Host);
            Long(cmd, "started", owner.StartedAtMs);
            Long(cmd, "now", now.ToUnixTimeMilliseconds());
            Long(cmd, "until", leaseUntil.ToUnixTimeMilliseconds());
            var token = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            return new JournalClaim(subject, token, owner, now, leaseUntil);
        }
    }

    /// <summary>How a claim row is read: plainly, by a writer checking its fence, or by a claimer about to take it.</summary>
    private enum ClaimLock
    {
        None,
        Share,
        Take,
    }

    private JournalClaim? ReadClaim(NpgsqlTransaction tx, string subject, ClaimLock mode)
    {
        if (mode == ClaimLock.Take)
        {
            // Claimers of one subject queue here (the key is the subject's 64-bit hash; a collision only makes two queue).
            using var gate = Command("SELECT pg_advisory_xact_lock(hashtextextended(@subject, 0));", tx);
            Text(gate, "subject", subject);
            gate.ExecuteNonQuery();
        }
        var suffix = mode switch { ClaimLock.Share => " FOR SHARE", ClaimLock.Take => " FOR UPDATE", _ => "" };
        using var cmd = Command($"SELECT {JournalRows.ClaimColumns} FROM claims WHERE subject = @subject{suffix};", tx);
        Text(cmd, "subject", subject);
        using var r = cmd.ExecuteReader();
        return r.Read() ? JournalRows.ReadClaim(r) : null;
    }

    private void DeleteClaim(NpgsqlTransaction tx, string subject, long token)
    {
        using var cmd = Command("DELETE FROM claims WHERE subject = @subject AND token = @token;", tx);
        Text(cmd, "subject", subject);
        Long(cmd, "token", token);
        cmd.ExecuteNonQuery();
    }

    private JournalEntry? Read(NpgsqlTransaction tx, string id, bool forUpdate = false)
    {
        using var cmd = Command($"SELECT {JournalRows.Columns} FROM legs WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")};", tx);
        Text(cmd, "id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? JournalRows.Read(r) : null;
    }

    private static List<JournalEntry> ReadAll(NpgsqlCommand cmd)
    {
        var list = new List<JournalEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JournalRows.Read(r));
        return list;
    }

    private List<JournalEvent> ReadEvents(NpgsqlTransaction tx, string id)
    {
        using var cmd = Command($"SELECT {JournalRows.EventColumns} FROM events WHERE leg_id = @id ORDER BY seq;", tx);
        Text(cmd, "id", id);
        var list = new List<JournalEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(JournalRows.ReadEvent(r, id));
        return list;
    }

    /// <summary>Appends a step; <paramref name="seq"/> is given when the caller knows it (a new entry), else it follows the
    /// last (the entry's row is locked by the caller's UPDATE, so no other writer appends to it meanwhile).</summary>
    private void AddEvent(NpgsqlTransaction tx, string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail)
    {
        using var cmd = Command(seq is null
            ? """
              INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
              VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE leg_id = @id), @at, @attempt, @from, @to, @detail);
              """
            : """
              INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
              VALUES (@id, @seq, @at, @attempt, @from, @to, @detail);
              """, tx);
        Text(cmd, "id", id);
        if (seq is { } known) Long(cmd, "seq", known);
        Long(cmd, "at", at.ToUnixTimeMilliseconds());
        Int(cmd, "attempt", attempt);
        Text(cmd, "from", from is { } f ? LegStates.Name(f) : null);
        Text(cmd, "to", LegStates.Name(to));
        Text(cmd, "detail", detail);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="work"/> under the connection's lock in a transaction (rolled back unless the work
    /// commits it) and turns Npgsql's failures into the journal's own one-sentence exceptions.</summary>
    private T Locked<T>(Func<NpgsqlTransaction, T> work, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var tx = _connection.BeginTransaction(isolation);
                return work(tx);
            }
            catch (NpgsqlException e)
            {
                throw Translate(e, _address);
            }
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

    private static void Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.ExecuteNonQuery();
    }

    private static void Text(NpgsqlCommand cmd, string name, string? value) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    private static void Long(NpgsqlCommand cmd, string name, long? value) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value });

    private static void Int(NpgsqlCommand cmd, string name, int? value) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value });

    private static void Bool(NpgsqlCommand cmd, string name, bool value) => cmd.Parameters.Add(new NpgsqlParameter<bool>(name, value));
}
