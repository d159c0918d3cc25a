namespace Ferry.Engine.Journal;

/// <summary>The current row of a read, by column position: a provider's data reader (<see cref="DataReaderRow"/>) or
/// SQLite's own prepared statement (<see cref="SqliteStatement"/>), so <see cref="JournalRows"/> reads both with one code.</summary>
internal interface IRowValues
{
    bool IsNull(int ordinal);

    string Text(int ordinal);

    long Int64(int ordinal);

    int Int32(int ordinal);
}
