using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;

namespace Ferry.Engine.Tests.Journal;

/// <summary>The route runner over a journal in a PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRouteExecutorTests(PostgresServer server) : RouteExecutorTests(new PostgresJournalStore(server));
