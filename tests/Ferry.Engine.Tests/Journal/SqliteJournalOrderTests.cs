using Ferry.Engine.Tests.Journal.Stores;

namespace Ferry.Engine.Tests.Journal;

/// <summary>the order of entries written in one millisecond, on a SQLite file.</summary>
public sealed class SqliteJournalOrderTests() : JournalOrderTests(new SqliteJournalStore());
