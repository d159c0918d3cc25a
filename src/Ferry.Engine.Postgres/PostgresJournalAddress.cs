using System.Globalization;
using Npgsql;

namespace Ferry.Engine.Postgres;

/// <summary>
/// Where a PostgreSQL journal lives: parsed from a <c>postgres://user:password@host:port/database</c> URL (also
/// <c>postgresql://</c>, with <c>?sslmode=…</c> style options) or a plain Npgsql connection string. <see cref="Display"/>
/// names it for people without the password; nothing built here ever shows the password.
/// </summary>
public sealed class PostgresJournalAddress
{
    private PostgresJournalAddress(NpgsqlConnectionStringBuilder builder)
    {
        // Prepared statements: Npgsql prepares a statement on the server once it has run twice on a connection.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        builder.AutoPrepareMinUsages = 2;
        ConnectionString = builder.ConnectionString;
        Host = builder.Host ?? "localhost";
        Port = builder.Port;
        Database = builder.Database ?? builder.Username ?? "postgres";
        User = builder.Username;
        Password = builder.Password;
    }

    /// <summary>The password, when one is given: for callers that scrub it from what they print, never to be shown.</summary>
    public string? Password { get; }

    /// <summary>The Npgsql connection string (holds the password: never print it).</summary>
    public string ConnectionString { get; }

    /// <summary>The server's host.</summary>
    public string Host { get; }

    /// <summary>The server's port.</summary>
    public int Port { get; }

    /// <summary>The database's name.</summary>
    public string Database { get; }

    /// <summary>The user, when one is named.</summary>
    public string? User { get; }

    /// <summary>The address for people: <c>postgres://user@host:port/database</c>, without the password.</summary>
    public string Display => $"postgres://{(User is null ? "" : Uri.EscapeDataString(User) + "@")}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database}";

    /// <summary>"host:port", for messages about the server.</summary>
    public string Server => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True when <paramref name="text"/> names a PostgreSQL journal (a postgres URL or an Npgsql connection string)
    /// rather than a file.</summary>
    public static bool Names(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses a URL or connection string; throws <see cref="FormatException"/> with a sentence that does not repeat
    /// the text (it may hold a password).</summary>
    public static PostgresJournalAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PostgresJournalAddress(text.Contains("://", StringComparison.Ordinal) ? FromUrl(text) : FromConnectionString(text));
    }

    private static NpgsqlConnectionStringBuilder FromConnectionString(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host)) throw new FormatException("The PostgreSQL connection string names no Host.");
            return builder;
        }
        catch (ArgumentException)
        {
            throw new FormatException("The journal is neither a postgres:// URL nor a valid PostgreSQL connection string (Host=…;Database=…).");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
            throw new FormatException("The journal URL is not of the form postgres://user:password@host:port/database.");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[key switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", "application_name" => "Application Name", _ => key }] = value;
            }
            catch (ArgumentException)
            {
                throw new FormatException($"The journal URL has an option PostgreSQL does not know: {key}.");
            }
        }
        return builder;
    }
}
