using Ferry.Engine.Journal;

namespace Ferry.Engine.Tests.Journal.Stores;

/// <summary>One place a journal lives for a test (a SQLite file, a PostgreSQL database), so one contract runs against
/// every store: open it as another process would, and reach under the journal to tamper with it.</summary>
public abstract class JournalStore : IDisposable
{
    /// <summary>Opens the journal (creating its schema when it has none), as a new owner.</summary>
    public abstract ITransferJournal Open(TimeProvider time, JournalClaimOptions? claims = null);

    /// <summary>Runs one SQL statement on the store directly, bypassing the journal (what a hand edit or a bug would do).</summary>
    public abstract void Execute(string sql);

    /// <summary>Marks the store as written by a newer Ferry with schema <paramref name="version"/>.</summary>
    public abstract void WriteSchemaVersion(int version);

    public abstract void Dispose();
}
