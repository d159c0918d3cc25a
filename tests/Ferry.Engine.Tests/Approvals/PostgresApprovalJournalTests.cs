using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;

namespace Ferry.Engine.Tests.Approvals;

/// <summary>Approvals and the audit log in a PostgreSQL database (schema 4 came before them).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApprovalJournalTests(PostgresServer server) : ApprovalJournalTests(new PostgresJournalStore(server), schemaBeforeApprovals: 4);
