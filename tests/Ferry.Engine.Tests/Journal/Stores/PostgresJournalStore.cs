using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;
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

    public override ITransferJournal Open(TimeProvider time, JournalClaimOptions? claims = null)
    {
        PostgresTransferJournal.Migrate(Address);
        return PostgresTransferJournal.Open(Address, time, claims);
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
        PostgresTransferJournal.Migrate(Address);
        Execute($"UPDATE ferry_schema SET version = {version};");
    }

    public override void Dispose() => _database.Dispose();
}
