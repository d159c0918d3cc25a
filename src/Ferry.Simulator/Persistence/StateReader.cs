using System.Globalization;
using Ferry.Simulator.Ledger;
using Microsoft.Data.Sqlite;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>Loads a format-1 or format-2 state file into memory (format 1 has no HTX section).</summary>
internal static class StateReader
{
    public static SimState Read(SqliteConnection c)
    {
        var users = Rows(c, "SELECT email, is_master, futures, margin, options FROM users",
            r => new SimUser(r.GetString(0), r.GetBoolean(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4)));
        var keys = Rows(c, "SELECT api_key, owner, secret, ed25519_pem, rsa_pem, permissions FROM api_keys",
            r => new ScenarioApiKey(r.GetString(1), r.GetString(0), Nullable(r, 2), Nullable(r, 3), Nullable(r, 4),
                r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries)));
        var seed = Balances(c, "seed_balances");
        var balances = Balances(c, "balances");
        var history = Rows(c, """
            SELECT id, ts, channel, type, initiator, from_owner, from_wallet, from_symbol, to_owner, to_wallet, to_symbol,
                   asset, amount, status, client_id FROM moves ORDER BY id
            """,
            r => new LedgerMove(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                Wallet(r.GetString(5), r.GetString(6), r.GetString(7)), Wallet(r.GetString(8), r.GetString(9), r.GetString(10)),
                r.GetString(11), Amount(r.GetString(12)), r.GetString(13), Nullable(r, 14)));
        var nextId = long.Parse(Rows(c, "SELECT value FROM meta WHERE key = 'next_id'", r => r.GetString(0)).Single(), CultureInfo.InvariantCulture);
        var hasHtx = Rows(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'htx_section'", r => r.GetInt64(0)).Single() > 0;
        var htxJson = hasHtx ? Rows(c, "SELECT json FROM htx_section", r => r.GetString(0)).SingleOrDefault() : null;
        return new SimState(new LedgerState(users, seed, balances, history, nextId), keys,
            htxJson is null ? null : HtxScenarioParser.ParseHtxSection(htxJson));
    }

    private static Dictionary<BalanceKey, decimal> Balances(SqliteConnection c, string table) =>
        Rows(c, $"SELECT owner, wallet, symbol, asset, amount FROM {table}",
                r => new KeyValuePair<BalanceKey, decimal>(
                    new BalanceKey(Wallet(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetString(3)), Amount(r.GetString(4))))
            .ToDictionary();

    private static WalletAddress Wallet(string owner, string wallet, string symbol) =>
        WalletNames.TryParse(wallet, out var kind)
            ? WalletAddress.Of(owner, kind, symbol.Length == 0 ? null : symbol)
            : throw new InvalidOperationException($"The state file names an unknown wallet '{wallet}'.");

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string? Nullable(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static List<T> Rows<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(map(reader));
        return list;
    }
}
