using System.Globalization;
using Ferry.Simulator.Ledger;
using Microsoft.Data.Sqlite;

namespace Ferry.Simulator.Persistence;

/// <summary>The simulator's state in one SQLite file: created and seeded from the scenario when new, loaded as it is
/// otherwise, and written through on every move in one transaction. The file carries a format version and a newer
/// one is refused.</summary>
internal sealed class SqliteStateStore : ILedgerStore, IDisposable
{
    /// <summary>The state format this build writes and the newest it reads.</summary>
    public const int FormatVersion = 2;

    private readonly SqliteConnection _connection;
    private readonly string _path;

    private SqliteStateStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>The open connection, shared with the sub-account book's store (issue #4).</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>Opens (or creates and seeds) the state file and returns the store and the state to start from.</summary>
    public static (SqliteStateStore Store, SimState State) Open(string path, ScenarioDocument? scenario)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        var store = new SqliteStateStore(connection, full);
        try
        {
            connection.Open();
            var version = store.ReadVersion();
            if (version is null)
            {
                var state = SimState.FromScenario(scenario);
                store.Create(state);
                return (store, state);
            }
            if (version > FormatVersion)
            {
                throw new InvalidOperationException(
                    $"State file '{full}' was written by a newer Ferry simulator (format {version}); this build reads format {FormatVersion} or older.");
            }
            return (store, StateReader.Read(connection));
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

    public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId)
    {
        using var tx = _connection.BeginTransaction();
        Exec(tx, """
            INSERT INTO moves(id, ts, channel, type, initiator, from_owner, from_wallet, from_symbol,
                              to_owner, to_wallet, to_symbol, asset, amount, status, client_id)
            VALUES ($id, $ts, $channel, $type, $initiator, $fo, $fw, $fs, $to, $tw, $ts2, $asset, $amount, $status, $client)
            """,
            ("$id", move.Id), ("$ts", move.TimestampMs), ("$channel", move.Channel), ("$type", move.Type),
            ("$initiator", move.Initiator), ("$fo", move.From.Owner), ("$fw", WalletNames.Name(move.From.Wallet)),
            ("$fs", move.From.Symbol ?? ""), ("$to", move.To.Owner), ("$tw", WalletNames.Name(move.To.Wallet)),
            ("$ts2", move.To.Symbol ?? ""), ("$asset", move.Asset), ("$amount", Amount(move.Amount)),
            ("$status", move.Status), ("$client", (object?)move.ClientId ?? DBNull.Value));
        foreach (var (key, amount) in changedBalances) WriteBalance(tx, "balances", key, amount);
        Exec(tx, "UPDATE meta SET value = $v WHERE key = 'next_id'", ("$v", nextId.ToString(CultureInfo.InvariantCulture)));
        tx.Commit();
    }

    public void Dispose()
    {
        _connection.Dispose();
    }

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
        using var tx = _connection.BeginTransaction();
        Exec(tx, StateSchema.CreateSql);
        Exec(tx, "INSERT INTO meta(key, value) VALUES ('format_version', $v)", ("$v", FormatVersion.ToString(CultureInfo.InvariantCulture)));
        Exec(tx, "INSERT INTO meta(key, value) VALUES ('next_id', $v)", ("$v", state.Ledger.NextId.ToString(CultureInfo.InvariantCulture)));
        foreach (var u in state.Ledger.Users)
        {
            Exec(tx, "INSERT INTO users(email, is_master, futures, margin, options) VALUES ($e, $m, $f, $g, $o)",
                ("$e", u.Email), ("$m", u.IsMaster), ("$f", u.FuturesEnabled), ("$g", u.MarginEnabled), ("$o", u.OptionsEnabled));
        }
        foreach (var k in state.Keys)
        {
            Exec(tx, "INSERT INTO api_keys(api_key, owner, secret, ed25519_pem, rsa_pem, permissions) VALUES ($k, $o, $s, $e, $r, $p)",
                ("$k", k.ApiKey), ("$o", k.Owner), ("$s", (object?)k.Secret ?? DBNull.Value),
                ("$e", (object?)k.Ed25519PublicKey ?? DBNull.Value), ("$r", (object?)k.RsaPublicKey ?? DBNull.Value),
                ("$p", string.Join(',', k.Permissions)));
        }
        if (state.Htx is not null) Exec(tx, "INSERT INTO htx_section(json) VALUES ($j)", ("$j", state.Htx.Json));
        foreach (var (key, amount) in state.Ledger.SeedBalances)
        {
            WriteBalance(tx, "seed_balances", key, amount);
            WriteBalance(tx, "balances", key, amount);
        }
        tx.Commit();
    }

    private void WriteBalance(SqliteTransaction tx, string table, BalanceKey key, decimal amount) =>
        Exec(tx, $"INSERT OR REPLACE INTO {table}(owner, wallet, symbol, asset, amount) VALUES ($o, $w, $s, $a, $n)",
            ("$o", key.Wallet.Owner), ("$w", WalletNames.Name(key.Wallet.Wallet)), ("$s", key.Wallet.Symbol ?? ""),
            ("$a", key.Asset), ("$n", Amount(amount)));

    private void Exec(SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
