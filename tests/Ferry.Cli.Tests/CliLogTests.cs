using Ferry.Cli.Output;
using Ferry.Cli.Tests.Support;
using Ferry.Core.Credentials;

namespace Ferry.Cli.Tests;

public sealed class CliLogTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private CliEnvironment Env(StringWriter error) => new()
    {
        Out = new StringWriter(), Error = error, In = new StringReader(""), IsInteractive = false,
        GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
    };

    [Fact]
    public void Every_line_is_scrubbed_of_the_runs_credentials_including_each_pem_line()
    {
        var (pem, _) = TestKeys.Ed25519();
        var error = new StringWriter();
        using var log = CliLog.Open(Env(error), verbose: true);
        log.Protect(new ApiCredentials("ScrubKey-0123456789-abcdef", new SecretText("ScrubSecret-0123456789-uvwxyz"), SigningKind.Hmac));
        log.Protect(new ApiCredentials("ScrubPemKey-0123456789", new SecretText(pem), SigningKind.Ed25519));
        var pemLine = pem.Split('\n')[1];

        log.Debug("key ScrubKey-0123456789-abcdef secret ScrubSecret-0123456789-uvwxyz pem " + pemLine);

        var written = error.ToString();
        Assert.Contains("key Scrub...cdef secret ***...vwxyz pem ***", written);
        Assert.DoesNotContain("ScrubKey-0123456789", written);
        Assert.DoesNotContain("ScrubSecret-0123456789", written);
        Assert.DoesNotContain(pemLine, written);
    }

    [Fact]
    public void Without_verbose_or_FERRY_LOG_nothing_is_logged()
    {
        var error = new StringWriter();
        using var log = CliLog.Open(Env(error), verbose: false);
        log.Info("hello");
        log.Debug("hello");
        Assert.Equal("", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(_cli.Home, "logs")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FERRY_LOG_info_writes_an_owner_only_file_without_debug_lines()
    {
        _cli.Environment["FERRY_LOG"] = "info";
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("ferry[", result.Error); // the file, not stderr
        var file = Path.Combine(_cli.Home, "logs", "ferry.log");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var text = File.ReadAllText(file);
        Assert.Contains(" info ferry 0.1.0: transfer (arguments not logged)", text);
        Assert.Contains(" info exit 0", text);
        Assert.DoesNotContain(" debug ", text);
    }

    [Fact]
    public async Task FERRY_LOG_debug_writes_both_clients_request_lines_and_outcomes_from_their_loggers()
    {
        _cli.Environment["FERRY_LOG"] = "debug";
        Assert.Equal(0, (await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("transfer", "2", "USDT", "--from", "htx:spot", "--to", "htx:swap")).ExitCode);

        var text = File.ReadAllText(Path.Combine(_cli.Home, "logs", "ferry.log"));
        // The line per HTTP exchange says what it always said; the clients' loggers add each request's outcome, and HTX's
        // requests are logged too.
        Assert.Matches(@" debug http POST /sapi/v1/asset/transfer -> HTTP 200, \d+ bytes, \d+ ms; used weight: ip [\d-]+, uid [\d-]+", text);
        Assert.Contains(" debug http POST /sapi/v1/asset/transfer ended done", text);
        Assert.Matches(@" debug http POST /v2/account/transfer -> HTTP 200, \d+ bytes, \d+ ms; requests left in the window: ", text);
        Assert.Contains(" debug http POST /v2/account/transfer ended done", text);
    }

    [Fact]
    public async Task An_unreadable_FERRY_LOG_is_bad_input()
    {
        _cli.Environment["FERRY_LOG"] = "loud";
        var result = await _cli.RunAsync("accounts", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FERRY_LOG='loud' is not a log level", result.Error);
    }

    [Fact]
    public void Two_logs_open_on_one_file_at_once_keep_each_others_lines()
    {
        // Two ferry processes (workers, a command beside the MCP server) each hold the log open; neither may write over
        // a line the other added after it opened the file.
        _cli.Environment["FERRY_LOG"] = "info";
        using (var first = CliLog.Open(Env(new StringWriter()), verbose: false))
        using (var second = CliLog.Open(Env(new StringWriter()), verbose: false))
        {
            for (var i = 0; i < 5; i++)
            {
                first.Info($"first line {i}");
                second.Info($"second line {i}");
            }
        }

        var lines = File.ReadAllLines(Path.Combine(_cli.Home, "logs", "ferry.log"));
        Assert.Equal(10, lines.Length);
        for (var i = 0; i < 5; i++)
        {
            Assert.EndsWith($"first line {i}", lines[2 * i], StringComparison.Ordinal);
            Assert.EndsWith($"second line {i}", lines[(2 * i) + 1], StringComparison.Ordinal);
        }
    }
}
