using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;

namespace Ferry.Engine.Tests.Journal;

/// <summary>the state machine, read-side checks and reconciliation, in a PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresServer server) : JournalTests(new PostgresJournalStore(server));
