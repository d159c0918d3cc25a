namespace Ferry.Testing.Postgres;

/// <summary>A fresh database on a <see cref="PostgresServer"/>, dropped (with any connection still open) when disposed.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly PostgresServer _server;
    private bool _dropped;

    internal PostgresDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>The Npgsql connection string of this database (as the test superuser, or with another password).</summary>
    public string ConnectionString(string? password = null) => _server.ConnectionString(Name, password);

    /// <summary>The <c>postgres://</c> URL of this database.</summary>
    public string Url(string? password = null) => _server.Url(Name, password);

    public void Dispose()
    {
        if (_dropped) return;
        _dropped = true;
        Npgsql.NpgsqlConnection.ClearAllPools();
        _server.Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
    }
}
