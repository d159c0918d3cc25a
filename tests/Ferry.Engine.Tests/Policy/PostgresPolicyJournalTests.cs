using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;

namespace Ferry.Engine.Tests.Policy;

/// <summary>The policy at the journal's door, in a PostgreSQL database (schema 1 came before requesters).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPolicyJournalTests(PostgresServer server) : PolicyJournalTests(new PostgresJournalStore(server), schemaBeforeRequester: 3);
