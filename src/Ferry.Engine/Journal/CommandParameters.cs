using System.Data.Common;

namespace Ferry.Engine.Journal;

/// <summary>A provider command's parameters (PostgreSQL's, SQLite's for cold statements) as
/// <see cref="IStatementParameters"/>: each value is set as the CLR type it always was, so the provider infers the same
/// database types.</summary>
internal readonly struct CommandParameters(DbCommand cmd) : IStatementParameters
{
    public void Set(string name, string? value) => JournalSql.Set(cmd, name, value);

    public void Set(string name, long value) => JournalSql.Set(cmd, name, value);

    public void Set(string name, long? value) => JournalSql.Set(cmd, name, value);

    public void Set(string name, int value) => JournalSql.Set(cmd, name, value);

    public void Set(string name, int? value) => JournalSql.Set(cmd, name, value);

    public void Set(string name, bool value) => JournalSql.Set(cmd, name, value);

    public void SetPairs(string name, IReadOnlyList<KeyValuePair<string, string>> pairs) => JournalSql.Set(cmd, name, JournalRows.WriteParameters(pairs));
}
