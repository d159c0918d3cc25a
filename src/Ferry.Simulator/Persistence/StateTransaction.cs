using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ferry.Simulator.Persistence;

/// <summary>Every write to the state file belongs inside the gate's transaction; one written outside it could race
/// another process, so it is a bug and fails loudly.</summary>
internal static class StateTransaction
{
    public static void Require(SqliteConnection connection)
    {
        if (raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            throw new InvalidOperationException("The simulator wrote its state file outside the state lock.");
        }
    }
}
