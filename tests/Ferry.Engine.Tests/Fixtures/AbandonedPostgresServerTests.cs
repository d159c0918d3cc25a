using System.Diagnostics;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Engine.Tests.Fixtures;

/// <summary>
/// A test host killed before it disposed its fixtures leaves its PostgreSQL server running (pg_ctl starts it as its own
/// process). The next test server to start stops and removes such a server, and only one whose owner is gone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AbandonedPostgresServerTests(PostgresServer live)
{
    [Fact]
    public void A_server_whose_test_process_is_gone_is_stopped_and_removed_by_the_next_one()
    {
        var abandoned = new PostgresServer();
        // Its owner is now a process that has exited, as a killed test host would have.
        using (var gone = Process.Start("true")!)
        {
            gone.WaitForExit();
            File.WriteAllText(Path.Combine(abandoned.Folder, "owner"), $"{gone.Id} 0");
        }

        using (new PostgresServer())
        {
            Assert.False(Directory.Exists(abandoned.Folder));
            using var connection = new NpgsqlConnection(abandoned.ConnectionString() + ";Timeout=5;Pooling=false");
            Assert.ThrowsAny<NpgsqlException>(() => connection.Open());
            // The server of a live test process (this one's collection fixture) is left alone.
            Assert.True(Directory.Exists(live.Folder));
            using var alive = new NpgsqlConnection(live.ConnectionString() + ";Pooling=false");
            alive.Open();
        }

        abandoned.Dispose();
    }
}
