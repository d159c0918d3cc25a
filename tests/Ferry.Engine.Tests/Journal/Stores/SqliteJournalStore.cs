using Ferry.Engine.Journal;
using Microsoft.Data.Sqlite;

namespace Ferry.Engine.Tests.Journal.Stores;

/// <summary>A journal file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteJournalStore : JournalStore
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-journal-").FullName;

    /// <summary>The temporary folder.</summary>
    public string Folder => _dir;

    /// <summary>The journal file.</summary>
    public string Path => System.IO.Path.Combine(_dir, "journal.db");

    public override ITransferJournal Open(TimeProvider time, JournalClaimOptions? claims = null) => SqliteTransferJournal.Open(Path, time, claims);

    public override void Execute(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public override void WriteSchemaVersion(int version) => Execute($"PRAGMA user_version={version};");

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
