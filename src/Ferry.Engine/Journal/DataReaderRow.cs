using System.Data.Common;

namespace Ferry.Engine.Journal;

/// <summary>A provider's data reader as <see cref="IRowValues"/>.</summary>
internal readonly struct DataReaderRow(DbDataReader reader) : IRowValues
{
    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public string Text(int ordinal) => reader.GetString(ordinal);

    public long Int64(int ordinal) => reader.GetInt64(ordinal);

    public int Int32(int ordinal) => reader.GetInt32(ordinal);
}
