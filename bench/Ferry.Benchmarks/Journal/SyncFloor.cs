using Ferry.Benchmarks.Loopback;
using Microsoft.Data.Sqlite;

namespace Ferry.Benchmarks.Journal;

/// <summary>
/// The disk's floor under a journaled leg: as many durable commits a leg as the journal made (WAL,
/// <c>synchronous=FULL</c>), each of one small row in a bare SQLite file in the same folder, with nothing else. It runs as
/// a third side in the same alternating blocks as the legs, so the disk's and the machine's drift hit it alike. What a
/// leg costs above this is the journal's own work; this part no journal that syncs before sending can avoid.
/// </summary>
public sealed class SyncFloor : ILoopbackSide
{
    private const int WarmupCommits = 1500;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _x;
    private readonly int _commitsPerLeg;

    public SyncFloor(string folder, int commitsPerLeg)
    {
        _commitsPerLeg = commitsPerLeg;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "floor.db"), Pooling = false }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS t (x INTEGER);";
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO t VALUES ($x);";
        _x = _insert.Parameters.Add("$x", SqliteType.Integer);
        // Unmeasured commits first, past the first automatic checkpoint: the journal's WAL has reached its working size
        // by the time its legs are measured, and a WAL that still grows also syncs its file's new size on every commit.
        Commit(WarmupCommits);
    }

    public string Name => "sync floor";

    public void PrepareBlock()
    {
    }

    /// <summary>The commits of <paramref name="calls"/> legs.</summary>
    public Task RunBlockAsync(int calls, CancellationToken cancellationToken)
    {
        Commit(calls * _commitsPerLeg);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    private void Commit(int commits)
    {
        for (var i = 0; i < commits; i++)
        {
            using var tx = _connection.BeginTransaction(deferred: false);
            _insert.Transaction = tx;
            _x.Value = i;
            _insert.ExecuteNonQuery();
            tx.Commit();
        }
    }
}
