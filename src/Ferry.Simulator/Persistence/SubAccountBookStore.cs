using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Ledger;
using Microsoft.Data.Sqlite;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// Keeps the sub-account book in the state file: one table holding the book as JSON (amounts as JSON numbers read back
/// as decimal), rewritten with the changed user's row in one transaction. The table is added to a format-1 file when
/// missing (an additive change: older builds ignore it), seeded from the scenario given at that start.
/// </summary>
internal sealed class SubAccountBookStore(SqliteConnection connection) : ISubAccountBookStore
{
    /// <summary>Loads the book, creating and seeding the table from <paramref name="scenario"/> when the file has none
    /// (only inside the gate's write transaction: at start-up).</summary>
    public SubAccountBookState Load(ScenarioDocument? scenario, long nowMs)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sub_account_book'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            var seeded = SubAccountBookSeed.FromScenario(scenario, nowMs);
            StateTransaction.Require(connection);
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE sub_account_book(id INTEGER PRIMARY KEY CHECK (id = 1), book TEXT NOT NULL)";
                create.ExecuteNonQuery();
            }
            Write(seeded, null);
            return seeded;
        }
        cmd.CommandText = "SELECT book FROM sub_account_book WHERE id = 1";
        var text = cmd.ExecuteScalar() as string
            ?? throw new InvalidOperationException("The state file's sub-account book is empty.");
        return Parse(text);
    }

    public void Save(SubAccountBookState state, SimUser? changedUser)
    {
        StateTransaction.Require(connection);
        Write(state, changedUser);
    }

    private void Write(SubAccountBookState state, SimUser? user)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO sub_account_book(id, book) VALUES (1, $b)";
        cmd.Parameters.AddWithValue("$b", JsonSerializer.Serialize(Stored.From(state), StateStoreJson.Default.SubAccountBook));
        cmd.ExecuteNonQuery();
        if (user is null) return;
        using var u = connection.CreateCommand();
        u.CommandText = "INSERT OR REPLACE INTO users(email, is_master, futures, margin, options) VALUES ($e, $m, $f, $g, $o)";
        u.Parameters.AddWithValue("$e", user.Email);
        u.Parameters.AddWithValue("$m", user.IsMaster);
        u.Parameters.AddWithValue("$f", user.FuturesEnabled);
        u.Parameters.AddWithValue("$g", user.MarginEnabled);
        u.Parameters.AddWithValue("$o", user.OptionsEnabled);
        u.ExecuteNonQuery();
    }

    private static SubAccountBookState Parse(string text)
    {
        try
        {
            return (JsonSerializer.Deserialize(text, StateStoreJson.Default.SubAccountBook) ?? throw new JsonException("null")).ToState();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The state file's sub-account book cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>The JSON shape of the book (plain lists so the file stays readable).</summary>
    internal sealed record Stored(
        List<SubAccountProfile> Profiles, List<KeyIpRestriction> IpRestrictions, List<SimPosition> Positions,
        List<PositionMoveRecord> PositionMoves, Dictionary<string, decimal> Prices, List<SimDeposit> Deposits, long NextSubUserId)
    {
        public static Stored From(SubAccountBookState s) => new(
            [.. s.Profiles], [.. s.IpRestrictions], [.. s.Positions], [.. s.PositionMoves],
            new Dictionary<string, decimal>(s.Prices), [.. s.Deposits], s.NextSubUserId);

        public SubAccountBookState ToState() => new(
            Profiles, IpRestrictions, Positions, PositionMoves, Prices, Deposits, NextSubUserId);
    }
}
