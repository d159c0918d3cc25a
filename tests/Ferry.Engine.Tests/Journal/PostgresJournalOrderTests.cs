using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;

namespace Ferry.Engine.Tests.Journal;

/// <summary>the order of entries written in one millisecond, in a PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalOrderTests(PostgresServer server) : JournalOrderTests(new PostgresJournalStore(server));
