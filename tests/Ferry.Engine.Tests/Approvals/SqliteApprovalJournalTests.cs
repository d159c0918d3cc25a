using Ferry.Engine.Tests.Journal.Stores;

namespace Ferry.Engine.Tests.Approvals;

/// <summary>Approvals and the audit log on a SQLite file (schema 6 came before them).</summary>
public sealed class SqliteApprovalJournalTests() : ApprovalJournalTests(new SqliteJournalStore(), schemaBeforeApprovals: 6);
