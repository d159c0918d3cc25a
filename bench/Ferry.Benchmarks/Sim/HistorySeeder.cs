using System.Globalization;
using Ferry.Benchmarks.Loopback;
using Ferry.Simulator;
using Ferry.Simulator.Ledger;
using Microsoft.Data.Sqlite;

namespace Ferry.Benchmarks.Sim;

/// <summary>Makes a state file holding a long history fast: the simulator creates and seeds the file from the bench
/// scenario, then the moves are written straight into it in one transaction — each a 1 USDT MAIN_UMFUTURE universal
/// transfer by the master, spread over the last six days, so every one of them matches the default history query
/// (the hardest case: the total counts them all) — with the balances moved to match, so the auditor stays content.</summary>
public static class HistorySeeder
{
    private static readonly TimeSpan Spread = TimeSpan.FromDays(6);

    /// <summary>Creates <paramref name="path"/> with <paramref name="moves"/> history rows (0 for a seeded, empty history).</summary>
    public static async Task CreateAsync(string path, int moves)
    {
        var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = BenchScenario.Create(),
            StatePath = path,
            RateLimits = BenchScenario.RateLimits(),
        }).ConfigureAwait(false);
        await host.DisposeAsync().ConfigureAwait(false);
        if (moves == 0) return;

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Exec(connection, "BEGIN");
        var nextId = long.Parse(Scalar(connection, "SELECT value FROM meta WHERE key = 'next_id'"), CultureInfo.InvariantCulture);
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO moves(id, ts, channel, type, initiator, from_owner, from_wallet, from_symbol,
                                  to_owner, to_wallet, to_symbol, asset, amount, status, client_id)
                VALUES ($id, $ts, $channel, 'MAIN_UMFUTURE', 'master@example.com', 'master@example.com', $from, '',
                        'master@example.com', $to, '', 'USDT', '1', $status, NULL)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
            insert.Parameters.AddWithValue("$channel", MoveChannels.UniversalTransfer);
            insert.Parameters.AddWithValue("$from", WalletNames.Name(WalletKind.Spot));
            insert.Parameters.AddWithValue("$to", WalletNames.Name(WalletKind.UsdtFuture));
            insert.Parameters.AddWithValue("$status", LedgerMove.Confirmed);
            insert.Prepare();
            var first = DateTimeOffset.UtcNow.Subtract(Spread).ToUnixTimeMilliseconds();
            var step = Spread.TotalMilliseconds / moves;
            for (var i = 0; i < moves; i++)
            {
                id.Value = nextId + i;
                ts.Value = first + (long)(i * step);
                insert.ExecuteNonQuery();
            }
        }

        Exec(connection, "UPDATE balances SET amount = $v WHERE owner = 'master@example.com' AND wallet = $w AND asset = 'USDT'",
            ("$v", (1_000_000_000_000m - moves).ToString(CultureInfo.InvariantCulture)), ("$w", WalletNames.Name(WalletKind.Spot)));
        Exec(connection, "INSERT INTO balances(owner, wallet, symbol, asset, amount) VALUES ('master@example.com', $w, '', 'USDT', $v)",
            ("$v", moves.ToString(CultureInfo.InvariantCulture)), ("$w", WalletNames.Name(WalletKind.UsdtFuture)));
        Exec(connection, "UPDATE meta SET value = $v WHERE key = 'next_id'", ("$v", (nextId + moves).ToString(CultureInfo.InvariantCulture)));
        Exec(connection, "COMMIT");
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (string)cmd.ExecuteScalar()!;
    }

    private static void Exec(SqliteConnection connection, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
