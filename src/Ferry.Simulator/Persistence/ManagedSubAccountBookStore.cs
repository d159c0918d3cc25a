using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// Keeps the managed sub-account book in the state file: one table holding the book as JSON, added to an
/// existing file when missing (additive: older builds ignore it) and seeded from the scenario given at that start.
/// </summary>
internal sealed class ManagedSubAccountBookStore(SqliteConnection connection) : IManagedSubAccountBookStore
{
    /// <summary>Loads the book, creating and seeding the table from <paramref name="scenario"/> when the file has none
    /// (only inside the gate's write transaction: at start-up).</summary>
    public ManagedSubAccountBookState Load(ScenarioDocument? scenario, long nowMs)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'managed_sub_account_book'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            var seeded = ManagedSubAccountBookSeed.FromScenario(scenario, nowMs);
            StateTransaction.Require(connection);
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE managed_sub_account_book(id INTEGER PRIMARY KEY CHECK (id = 1), book TEXT NOT NULL)";
                create.ExecuteNonQuery();
            }
            Write(seeded);
            return seeded;
        }
        cmd.CommandText = "SELECT book FROM managed_sub_account_book WHERE id = 1";
        var text = cmd.ExecuteScalar() as string ?? throw new InvalidOperationException("The state file's managed sub-account book is empty.");
        try
        {
            return (JsonSerializer.Deserialize(text, StateStoreJson.Default.ManagedSubAccountBook) ?? throw new JsonException("null")).ToState();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The state file's managed sub-account book cannot be read ({e.Message}).", e);
        }
    }

    public void Save(ManagedSubAccountBookState state)
    {
        StateTransaction.Require(connection);
        Write(state);
    }

    private void Write(ManagedSubAccountBookState state)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO managed_sub_account_book(id, book) VALUES (1, $b)";
        cmd.Parameters.AddWithValue("$b", JsonSerializer.Serialize(Stored.From(state), StateStoreJson.Default.ManagedSubAccountBook));
        cmd.ExecuteNonQuery();
    }

    internal sealed record Stored(long InvestorUserId, List<ManagedSubAccountProfile> Profiles, List<ScheduledWithdrawal> Withdrawals, long NextTranId)
    {
        public static Stored From(ManagedSubAccountBookState s) => new(s.InvestorUserId, [.. s.Profiles], [.. s.Withdrawals], s.NextTranId);

        public ManagedSubAccountBookState ToState() => new(InvestorUserId, Profiles, Withdrawals, NextTranId);
    }
}
