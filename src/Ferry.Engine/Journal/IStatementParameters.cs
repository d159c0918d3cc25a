namespace Ferry.Engine.Journal;

/// <summary>Where <see cref="JournalSql"/> binds a statement's parameters by name: a provider's command
/// (<see cref="CommandParameters"/>) or SQLite's own prepared statement (<see cref="SqliteStatement"/>), which binds
/// without boxing or copying strings. Generic callers take it as a struct or sealed type, so nothing is boxed.</summary>
internal interface IStatementParameters
{
    void Set(string name, string? value);

    void Set(string name, long value);

    void Set(string name, long? value);

    void Set(string name, int value);

    void Set(string name, int? value);

    void Set(string name, bool value);

    /// <summary>Binds request parameters as their JSON text (a JSON array of [name, value] pairs).</summary>
    void SetPairs(string name, IReadOnlyList<KeyValuePair<string, string>> pairs);
}
