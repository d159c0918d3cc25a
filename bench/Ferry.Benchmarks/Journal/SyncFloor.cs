using System.Diagnostics;
using Ferry.Benchmarks.Loopback;
using Microsoft.Data.Sqlite;

namespace Ferry.Benchmarks.Journal;

/// <summary>
/// The disk's floor under a journaled leg: the same number of durable commits (WAL, <c>synchronous=FULL</c>) of one small
/// row each in a bare SQLite file on the same folder, with nothing else. What a leg costs above this is the journal's
/// own work; this part no journal that syncs before sending can avoid.
/// </summary>
public static class SyncFloor
{
    /// <summary>Wall, CPU and bytes of <paramref name="commits"/> bare durable commits, as totals of one block.</summary>
    public static SideTotals Measure(string folder, int commits)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "floor.db"), Pooling = false }.ToString());
        c.Open();
        using (var setup = c.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS t (x INTEGER);";
            setup.ExecuteNonQuery();
        }

        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES ($x);";
        var x = insert.Parameters.Add("$x", SqliteType.Integer);
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < commits; i++)
        {
            using var tx = c.BeginTransaction(deferred: false);
            insert.Transaction = tx;
            x.Value = i;
            insert.ExecuteNonQuery();
            tx.Commit();
        }

        var wall = Stopwatch.GetElapsedTime(started);
        self.Refresh();
        return new SideTotals(commits, wall, self.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
