using Ferry.Engine.Journal;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Engine.Work;
using Microsoft.Data.Sqlite;

namespace Ferry.Engine.Tests.Work;

/// <summary>The work queue in the journal's SQLite file.</summary>
public sealed class SqliteWorkQueueTests() : WorkQueueTests(new SqliteJournalStore())
{
    private string Path => ((SqliteJournalStore)Store).Path;

    [Fact]
    public async Task A_schema_4_journal_gets_the_queue_table_when_opened_and_a_newer_one_is_refused()
    {
        using (var journal = SqliteTransferJournal.Open(Path, Clock)) { }
        Store.Execute("DROP TABLE work_units; ALTER TABLE legs DROP COLUMN requester;");
        Store.WriteSchemaVersion(4);

        using (var queue = Open())
            Assert.Single(await queue.EnqueueAsync([Order(1m)], CancellationToken.None));

        using (var c = new SqliteConnection($"Data Source={Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            Assert.Equal((long)SqliteTransferJournal.SchemaVersion, cmd.ExecuteScalar());
        }
        Store.WriteSchemaVersion(SqliteTransferJournal.SchemaVersion + 1);
        var newer = Assert.Throws<JournalCorruptException>(() => SqliteWorkQueue.Open(Path, Clock, new WorkQueueOptions()));
        Assert.Contains("newer Ferry", newer.Message, StringComparison.Ordinal);
    }
}
