using Ferry.Engine.Tests.Journal.Stores;

namespace Ferry.Engine.Tests.Journal;

/// <summary>the state machine, read-side checks and reconciliation, on a SQLite file.</summary>
public sealed class SqliteJournalTests() : JournalTests(new SqliteJournalStore());
