using System.Globalization;
using Ferry.Simulator.Ledger;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>The simulator's state in one SQLite file (WAL mode, so readers never wait for a writer): created and seeded
/// from the scenario when new, loaded as it is otherwise, and written through on every move. Every write happens inside
/// the transaction <see cref="SqliteStateGate"/> holds, so several processes can serve one file. The file carries a
/// format version and a newer one is refused.</summary>
internal sealed class SqliteStateStore : ILedgerStore, IDisposable
{
    /// <summary>The state format this build writes and the newest it reads.</summary>
    public const int FormatVersion = 2;

    private readonly SqliteConnection _connection;
    private readonly string _path;

    // A move's three statements, prepared once and reused: preparing them again per move cost more than running them.
    private SqliteCommand? _insertMove;
    private SqliteCommand? _writeBalance;
    private SqliteCommand? _writeNextId;

    private SqliteStateStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>The open connection, shared with the books' stores and the gate.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>Opens (creating when absent) the file and sets it up for sharing; nothing is read or seeded yet.</summary>
    public static SqliteStateStore Open(string path, TimeSpan lockTimeout)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Pooling = false,
            // Bounds Microsoft.Data.Sqlite's own retry of a busy statement (the gate waits for the write lock itself).
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(lockTimeout.TotalSeconds)),
        }.ToString());
        var store = new SqliteStateStore(connection, full);
        try
        {
            connection.Open();
            // The gate polls for the write lock; SQLite itself must not sleep inside BEGIN IMMEDIATE.
            raw.sqlite3_busy_timeout(connection.Handle, 0);
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode = WAL";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "PRAGMA synchronous = FULL";
            cmd.ExecuteNonQuery();
            return store;
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new InvalidOperationException($"'{full}' is not a Ferry simulator state file ({e.Message}).", e);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Inside the gate's write transaction: the state the file holds, or — when the file is new — the
    /// scenario's, written now. Two processes starting at once take turns here, so exactly one seeds.</summary>
    public SimState LoadOrSeed(ScenarioDocument? scenario)
    {
        try
        {
            var version = ReadVersion();
            if (version is null)
            {
                var state = SimState.FromScenario(scenario);
                Create(state);
                return state;
            }
            if (version > FormatVersion)
            {
                throw new InvalidOperationException(
                    $"State file '{_path}' was written by a newer Ferry simulator (format {version}); this build reads format {FormatVersion} or older.");
            }
            return StateReader.Read(_connection);
        }
        catch (SqliteException e)
        {
            throw new InvalidOperationException($"'{_path}' is not a Ferry simulator state file ({e.Message}).", e);
        }
    }

    /// <summary>The whole state as the file holds it now (a reload after another process wrote).</summary>
    public SimState Read() => StateReader.Read(_connection);

    public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(changedBalances);
        StateTransaction.Require(_connection);
        _insertMove ??= Prepared("""
            INSERT INTO moves(id, ts, channel, type, initiator, from_owner, from_wallet, from_symbol,
                              to_owner, to_wallet, to_symbol, asset, amount, status, client_id)
            VALUES ($id, $ts, $channel, $type, $initiator, $fo, $fw, $fs, $to, $tw, $ts2, $asset, $amount, $status, $client)
            """, "$id", "$ts", "$channel", "$type", "$initiator", "$fo", "$fw", "$fs", "$to", "$tw", "$ts2", "$asset", "$amount", "$status", "$client");
        Run(_insertMove, move.Id, move.TimestampMs, move.Channel, move.Type, move.Initiator, move.From.Owner,
            WalletNames.Name(move.From.Wallet), move.From.Symbol ?? "", move.To.Owner, WalletNames.Name(move.To.Wallet),
            move.To.Symbol ?? "", move.Asset, Amount(move.Amount), move.Status, (object?)move.ClientId ?? DBNull.Value);
        _writeBalance ??= Prepared(BalanceSql("balances"), "$o", "$w", "$s", "$a", "$n");
        foreach (var (key, amount) in changedBalances)
        {
            Run(_writeBalance, key.Wallet.Owner, WalletNames.Name(key.Wallet.Wallet), key.Wallet.Symbol ?? "", key.Asset, Amount(amount));
        }
        _writeNextId ??= Prepared("UPDATE meta SET value = $v WHERE key = 'next_id'", "$v");
        Run(_writeNextId, nextId.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _insertMove?.Dispose();
        _writeBalance?.Dispose();
        _writeNextId?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepared(string sql, params string[] names)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }

    private static string BalanceSql(string table) =>
        $"INSERT OR REPLACE INTO {table}(owner, wallet, symbol, asset, amount) VALUES ($o, $w, $s, $a, $n)";

    private int? ReadVersion()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return null;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException($"'{_path}' is a SQLite file but not a Ferry simulator state file.");
        }
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'format_version'";
        var text = cmd.ExecuteScalar() as string;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidOperationException($"State file '{_path}' has no readable format version.");
    }

    private void Create(SimState state)
    {
        StateTransaction.Require(_connection);
        Exec(StateSchema.CreateSql);
        Exec("INSERT INTO meta(key, value) VALUES ('format_version', $v)", ("$v", FormatVersion.ToString(CultureInfo.InvariantCulture)));
        Exec("INSERT INTO meta(key, value) VALUES ('next_id', $v)", ("$v", state.Ledger.NextId.ToString(CultureInfo.InvariantCulture)));
        foreach (var u in state.Ledger.Users)
        {
            Exec("INSERT INTO users(email, is_master, futures, margin, options) VALUES ($e, $m, $f, $g, $o)",
                ("$e", u.Email), ("$m", u.IsMaster), ("$f", u.FuturesEnabled), ("$g", u.MarginEnabled), ("$o", u.OptionsEnabled));
        }
        foreach (var k in state.Keys)
        {
            Exec("INSERT INTO api_keys(api_key, owner, secret, ed25519_pem, rsa_pem, permissions) VALUES ($k, $o, $s, $e, $r, $p)",
                ("$k", k.ApiKey), ("$o", k.Owner), ("$s", (object?)k.Secret ?? DBNull.Value),
                ("$e", (object?)k.Ed25519PublicKey ?? DBNull.Value), ("$r", (object?)k.RsaPublicKey ?? DBNull.Value),
                ("$p", string.Join(',', k.Permissions)));
        }
        if (state.Htx is not null) Exec("INSERT INTO htx_section(json) VALUES ($j)", ("$j", state.Htx.Json));
        foreach (var (key, amount) in state.Ledger.SeedBalances)
        {
            WriteBalance("seed_balances", key, amount);
            WriteBalance("balances", key, amount);
        }
    }

    private void WriteBalance(string table, BalanceKey key, decimal amount) =>
        Exec(BalanceSql(table),
            ("$o", key.Wallet.Owner), ("$w", WalletNames.Name(key.Wallet.Wallet)), ("$s", key.Wallet.Symbol ?? ""),
            ("$a", key.Asset), ("$n", Amount(amount)));

    private void Exec(string sql, params (string Name, object Value)[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
