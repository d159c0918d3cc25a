using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Ferry.Cli;

/// <summary>
/// Failures of the machine rather than of Ferry — files, folders, databases, a simulator that is not listening — as
/// one sentence for exit 4 (refused locally, nothing sent). Commands refuse these at their source; this is the net for
/// any that still reaches the top, so none ends as exit 70 with a raw exception text.
/// </summary>
internal static class EnvironmentFailure
{
    /// <summary>The sentence for <paramref name="e"/>, or null when it is not an environment failure (then it is a bug).</summary>
    public static string? Describe(Exception e) => e switch
    {
        Ferry.Engine.Accounts.FerryHomeException => e.Message,
        SqliteException sqlite => $"A database under FERRY_HOME could not be used (SQLite error {sqlite.SqliteErrorCode}: {SqliteReason(sqlite)}); check that FERRY_HOME is a folder Ferry can write in, with free space.",
        HttpRequestException http => $"A connection failed ({Sessions.SimulatorAdminClient.Unreachable(http)}{Where(http)}); nothing was sent.",
        SocketException socket => $"A connection failed ({socket.SocketErrorCode}); nothing was sent.",
        UnauthorizedAccessException => $"Access was denied: {Trim(e.Message)}.",
        IOException => $"An operation on this machine failed: {Trim(e.Message)}.",
        _ => null,
    };

    /// <summary>"unable to open database file" out of "SQLite Error 14: 'unable to open database file'.".</summary>
    private static string SqliteReason(SqliteException e)
    {
        var message = e.Message;
        var open = message.IndexOf('\'');
        var close = message.LastIndexOf('\'');
        return open >= 0 && close > open ? message[(open + 1)..close] : "see the SQLite documentation for the code";
    }

    /// <summary>" to 127.0.0.1:1" when .NET named the endpoint in parentheses, as it does for a refused connection.</summary>
    private static string Where(HttpRequestException e)
    {
        var open = e.Message.LastIndexOf('(');
        var close = e.Message.LastIndexOf(')');
        return open >= 0 && close > open + 1 ? " to " + e.Message[(open + 1)..close] : "";
    }

    private static string Trim(string message) => message.Trim().TrimEnd('.');
}
