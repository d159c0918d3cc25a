using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;
using Ferry.Engine.Work;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Engine.Tests.Journal.Stores;

/// <summary>A fresh database on the test assembly's PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresJournalStore(PostgresServer server) : JournalStore
{
    private readonly PostgresDatabase _database = server.CreateDatabase();

    /// <summary>The database's address (with the test password).</summary>
    public PostgresJournalAddress Address => PostgresJournalAddress.Parse(_database.ConnectionString());

    /// <summary>The database.</summary>
    public PostgresDatabase Database => _database;

    // The store's contract is synchronous (straight-line tests of one journal, as JournalSyncCalls); these block on the
    // asynchronous openers, which complete with ConfigureAwait(false).
    public override ITransferJournal Open(TimeProvider time, JournalClaimOptions? claims = null)
    {
        Migrate();
        return PostgresTransferJournal.OpenAsync(Address, time, claims).GetAwaiter().GetResult();
    }

    /// <summary>The queue with the test's clock in place of the server's, so leases run out when the test says.</summary>
    public override IWorkQueue OpenQueue(TimeProvider time, WorkQueueOptions options)
    {
        Migrate();
        return PostgresWorkQueue.OpenAsync(Address, options, time).GetAwaiter().GetResult();
    }

    public override void Execute(string sql)
    {
        using var c = new NpgsqlConnection(_database.ConnectionString());
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public override void WriteSchemaVersion(int version)
    {
        Migrate();
        Execute($"UPDATE ferry_schema SET version = {version};");
    }

    private void Migrate() => PostgresTransferJournal.MigrateAsync(Address).GetAwaiter().GetResult();

    public override void Dispose() => _database.Dispose();
}
