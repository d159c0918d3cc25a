using Ferry.Engine.Tests.Journal.Stores;

namespace Ferry.Engine.Tests.Policy;

/// <summary>The policy at the journal's door, on a SQLite file (schema 5, the work queue, came before requesters).</summary>
public sealed class SqlitePolicyJournalTests() : PolicyJournalTests(new SqliteJournalStore(), schemaBeforeRequester: 5);
