using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary>
/// Environment and file problems (a FERRY_HOME that is a file or read-only, a malformed accounts file, a dead
/// simulator, files that never end) are refused in one sentence with exit 4 (or 2 for a file named on the command
/// line), change nothing, and never surface as exit 70 with a raw exception text.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EnvironmentErrorTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>One sentence on standard error, no stack trace, no .NET type name.</summary>
    private static void AssertOneSentence(CliRun.Result result)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on standard error, got: {result.Error}");
        Assert.StartsWith("ferry: ", lines[0]);
        Assert.DoesNotContain("Exception", result.All);
        Assert.DoesNotContain("internal error", result.All);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task A_FERRY_HOME_that_is_a_file_is_refused_with_exit_4_and_left_as_it_was()
    {
        var file = Path.Combine(_cli.Home, "not-a-folder");
        File.WriteAllText(file, "x");
        _cli.Environment["FERRY_HOME"] = file;

        var result = await _cli.RunAsync("balances");

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("FERRY_HOME", result.Error);
        Assert.Contains("not a folder", result.Error);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_FERRY_HOME_below_a_file_is_refused_with_exit_4()
    {
        var file = Path.Combine(_cli.Home, "plain-file");
        File.WriteAllText(file, "x");
        _cli.Environment["FERRY_HOME"] = Path.Combine(file, "home");

        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm");

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("FERRY_HOME", result.Error);
    }

    [Fact]
    public async Task A_read_only_FERRY_HOME_refuses_a_transfer_with_exit_4_and_changes_nothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm")).ExitCode);
        var before = Snapshot(_cli.Home);
        using (ReadOnlyFolder.Make(_cli.Home))
        {
            var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm");

            Assert.Equal(4, result.ExitCode);
            AssertOneSentence(result);
            Assert.Contains("FERRY_HOME", result.Error);
            Assert.Contains("write", result.Error);
        }
        Assert.Equal(before, Snapshot(_cli.Home));
    }

    [Fact]
    public async Task A_null_account_entry_is_refused_with_exit_4_naming_the_entry()
    {
        _cli.WriteAccounts("""{"accounts":[null]}""");

        var result = await _cli.RunAsync("balances");

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("accounts.json", result.Error);
        Assert.Contains("entry 1", result.Error);
        var list = await _cli.RunAsync("accounts", "list");
        Assert.Equal(4, list.ExitCode);
        Assert.Contains("entry 1", list.Error);
    }

    [Fact]
    public async Task Balances_of_a_sim_account_at_a_dead_port_is_refused_with_exit_4_naming_the_address()
    {
        var port = DeadPort();
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"http://127.0.0.1:{{port}}/","apiKey":"k-0123456789","secret":"s-0123456789"}]}""");

        var result = await _cli.RunAsync("balances");

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.Contains("ferry sim serve", result.Error);
    }

    [Fact]
    public async Task A_scenario_whose_amounts_overflow_is_refused_in_one_sentence_before_serving()
    {
        var huge = "79228162514264337593543950335"; // decimal.MaxValue: two of them in one wallet cannot be added
        var scenario = Path.Combine(_cli.Home, "huge.json");
        var balance = $$"""{"owner": "m@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "{{huge}}"}""";
        File.WriteAllText(scenario, $$$"""{"binance": {"master": "m@example.com", "balances": [{{{balance}}}, {{{balance}}}]}}""");

        var result = await _cli.RunAsync("sim", "serve", "--port", "0", "--scenario", scenario);

        Assert.Equal(2, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("binance.balances[0].amount", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Accounts_import_of_dev_zero_ends_at_once_with_exit_2_and_writes_nothing()
    {
        var result = await _cli.RunAsync("accounts", "import", "/dev/zero");

        Assert.Equal(2, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("larger than", result.Error);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "accounts.json")));
    }

    [Fact]
    public async Task Accounts_import_of_a_FIFO_ends_at_once_with_exit_2()
    {
        var fifo = MakeFifo("tools.md");

        var result = await _cli.RunAsync("accounts", "import", fifo).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("not a regular file", result.Error);
    }

    [Fact]
    public async Task A_rebalance_plan_from_dev_zero_is_bad_input()
    {
        var result = await _cli.RunAsync("rebalance", "/dev/zero", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("larger than", result.Error);
    }

    [Fact]
    public async Task A_scenario_from_a_FIFO_is_bad_input_and_nothing_is_served()
    {
        var fifo = MakeFifo("scenario.json");

        var result = await _cli.RunAsync("sim", "serve", "--port", "0", "--scenario", fifo).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        AssertOneSentence(result);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task An_accounts_file_larger_than_the_cap_is_refused_with_exit_4()
    {
        _cli.WriteAccounts("{\"accounts\":[],\"description\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        var result = await _cli.RunAsync("balances");

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("accounts.json", result.Error);
        Assert.Contains("larger than", result.Error);
    }

    [Fact]
    public async Task A_key_file_that_is_a_FIFO_is_refused_with_exit_4()
    {
        var fifo = MakeFifo("main.key");
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"mainnet","keyFile":{{JsonSerializer.Serialize(fifo)}}}]}""");

        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm", "--dry-run").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(4, result.ExitCode);
        AssertOneSentence(result);
        Assert.Contains("main", result.Error);
    }

    [Fact]
    public async Task Sim_serve_on_a_port_in_use_is_refused_with_exit_4_naming_the_port()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var result = await _cli.RunAsync("sim", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(4, result.ExitCode);
            AssertOneSentence(result);
            Assert.Contains($"127.0.0.1:{port}", result.Error);
            Assert.Contains("--port", result.Error);
        }
        finally
        {
            taken.Stop();
        }
    }

    /// <summary>A loopback port nobody listens on: bound and released again.</summary>
    private static int DeadPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_cli.Home, name);
        using var mkfifo = Process.Start("mkfifo", ["-m", "600", path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Every file under the folder with its length and last write: what "nothing changed" compares.</summary>
    private static string Snapshot(string folder) => string.Join("\n", Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));
}
