using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ferry.Engine.Journal;

/// <summary>
/// One statement of the journal's hot path prepared once on the journal's connection with SQLite's own API: parameters
/// bound by index (looked up once) straight from .NET strings (UTF-16, copied by SQLite, so no UTF-8 copy or boxed value
/// on the managed heap) and columns read from the row in place. Microsoft.Data.Sqlite allocates a binder per parameter, a
/// data reader and statement enumerators on every execution; a leg runs about a dozen statements. Errors are thrown as
/// <see cref="SqliteException"/> with SQLite's codes, as the provider throws them. Not thread-safe: the journal runs one call
/// at a time.
/// </summary>
internal sealed class SqliteStatement : IStatementParameters, IRowValues, IDisposable
{
    private const int PreparePersistent = 1;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private ArrayBufferWriter<byte>? _json;
    private Utf8JsonWriter? _jsonWriter;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The journal's connection is not open.");
        Check(raw.sqlite3_prepare_v3(_db, sql, PreparePersistent, out _stmt, out string tail));
        if (!string.IsNullOrWhiteSpace(tail)) throw new ArgumentException("A prepared journal statement is one statement.", nameof(sql));
        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(_stmt); i++) _indexes[raw.sqlite3_bind_parameter_name(_stmt, i).utf8_to_string()] = i;
    }

    public void Set(string name, string? value) => Check(value is null ? raw.sqlite3_bind_null(_stmt, Index(name)) : raw.sqlite3_bind_text16(_stmt, Index(name), value));

    public void Set(string name, long value) => Check(raw.sqlite3_bind_int64(_stmt, Index(name), value));

    public void Set(string name, long? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_stmt, Index(name), v) : raw.sqlite3_bind_null(_stmt, Index(name)));

    public void Set(string name, int value) => Set(name, (long)value);

    public void Set(string name, int? value) => Set(name, (long?)value);

    public void Set(string name, bool value) => Set(name, value ? 1L : 0L);

    /// <summary>Writes the JSON into a buffer this statement keeps and binds its UTF-8 bytes (SQLite copies them).</summary>
    public void SetPairs(string name, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (_json is null)
        {
            _json = new ArrayBufferWriter<byte>(256);
            _jsonWriter = new Utf8JsonWriter(_json);
        }
        else
        {
            _json.ResetWrittenCount();
            _jsonWriter!.Reset(_json);
        }
        JournalRows.WriteParameters(_jsonWriter, pairs);
        Check(raw.sqlite3_bind_text(_stmt, Index(name), _json.WrittenSpan));
    }

    /// <summary>Runs a statement that returns no row, then resets it.</summary>
    public void Execute()
    {
        try
        {
            while (Step())
            {
            }
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Steps to the next row: true on a row (read it with the column methods), false when done. Call
    /// <see cref="Reset"/> after the last read.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        var e = Error(rc);
        raw.sqlite3_reset(_stmt);
        throw e;
    }

    /// <summary>Makes the statement ready to run again (its bindings are kept and set anew by the next call).</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    public bool IsNull(int ordinal) => raw.sqlite3_column_type(_stmt, ordinal) == raw.SQLITE_NULL;

    public string Text(int ordinal) => raw.sqlite3_column_text(_stmt, ordinal).utf8_to_string();

    public long Int64(int ordinal) => raw.sqlite3_column_int64(_stmt, ordinal);

    public int Int32(int ordinal) => raw.sqlite3_column_int(_stmt, ordinal);

    public void Dispose()
    {
        _jsonWriter?.Dispose();
        _stmt.Dispose();
    }

    private int Index(string name) =>
        _indexes.TryGetValue(name, out var i) ? i : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    /// <summary>The error as Microsoft.Data.Sqlite reports it: the primary code (19 for a constraint) and the extended one.</summary>
    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc & 0xFF, raw.sqlite3_extended_errcode(_db));
}
