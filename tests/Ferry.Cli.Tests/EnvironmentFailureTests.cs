using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Ferry.Cli.Tests;

/// <summary>The top-level net: environment exceptions become one plain sentence (exit 4); anything else stays a bug.</summary>
public sealed class EnvironmentFailureTests
{
    [Fact]
    public void A_read_only_database_is_described_without_the_exception_type()
    {
        var sentence = EnvironmentFailure.Describe(new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8));

        Assert.Equal("A database under FERRY_HOME could not be used (SQLite error 8: attempt to write a readonly database); check that FERRY_HOME is a folder Ferry can write in, with free space.", sentence);
    }

    [Fact]
    public void A_refused_connection_names_the_endpoint_and_says_nothing_was_sent()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)",
            new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal("A connection failed (connection refused to 127.0.0.1:1); nothing was sent.", EnvironmentFailure.Describe(refused));
    }

    [Fact]
    public void File_errors_keep_the_operating_systems_words_but_not_the_type()
    {
        Assert.Equal("An operation on this machine failed: Read-only file system : '/x/y'.", EnvironmentFailure.Describe(new IOException("Read-only file system : '/x/y'")));
        Assert.Equal("Access was denied: Access to the path '/x' is denied.", EnvironmentFailure.Describe(new UnauthorizedAccessException("Access to the path '/x' is denied.")));
    }

    [Fact]
    public void A_bug_is_not_an_environment_failure()
    {
        Assert.Null(EnvironmentFailure.Describe(new NullReferenceException()));
        Assert.Null(EnvironmentFailure.Describe(new OverflowException()));
        Assert.Null(EnvironmentFailure.Describe(new InvalidOperationException("cannot go from sending to sending")));
    }
}
