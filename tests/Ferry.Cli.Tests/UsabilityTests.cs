using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ferry.Cli.Tests;

/// <summary>
/// What a person or a script meets first: --json failures as a JSON error object, messages said once and without
/// .NET type names, the same exit code for the same mistake in every command, the documented examples running.
/// </summary>
public sealed partial class UsabilityTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>stdout is exactly one <c>{"error":{"kind","code","message"}}</c> document.</summary>
    private static JsonElement ErrorObject(CliRun.Result result)
    {
        using var document = JsonDocument.Parse(result.Out);
        var error = document.RootElement.GetProperty("error").Clone();
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.True(error.TryGetProperty("code", out _));
        return error;
    }

    [Fact]
    public async Task A_bad_amount_with_json_prints_a_json_error_object_and_exits_2()
    {
        var result = await _cli.RunAsync("transfer", "abc", "USDT", "--from", "spot", "--to", "usdm", "--json");

        Assert.Equal(2, result.ExitCode);
        var error = ErrorObject(result);
        Assert.Equal("bad-input", error.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
        Assert.Contains("The amount 'abc' is not a plain decimal", error.GetProperty("message").GetString());
        Assert.StartsWith("ferry: ", result.Error);
    }

    [Fact]
    public async Task A_parse_error_with_json_prints_a_json_error_object()
    {
        var result = await _cli.RunAsync("history", "--days", "x", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("bad-input", ErrorObject(result).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_refusal_with_json_prints_kind_refused()
    {
        _cli.WriteAccounts("""{"accounts":[null]}""");

        var result = await _cli.RunAsync("balances", "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("refused", ErrorObject(result).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Without_json_a_failure_prints_nothing_on_stdout()
    {
        var result = await _cli.RunAsync("transfer", "abc", "USDT", "--from", "spot", "--to", "usdm");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("history", "--days", "x")]
    [InlineData("journal", "list", "--limit", "ten")]
    [InlineData("sim", "soak", "--fault-rate", "lots")]
    public async Task A_value_of_the_wrong_type_is_named_without_a_dotnet_type(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("System.", result.All);
        Assert.Matches("is not a (whole number|number)", result.Error);
    }

    [Fact]
    public async Task Not_sent_is_said_once()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"http://127.0.0.1:{{port}}/","apiKey":"k-0123456789","secret":"s-0123456789"}]}""");

        var transfer = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm");
        var history = await _cli.RunAsync("history");

        Assert.Equal(4, transfer.ExitCode);
        Assert.Single(NotSentCount().Matches(transfer.All));
        Assert.Equal(4, history.ExitCode);
        Assert.True(NotSentCount().Matches(history.All).Count <= 1, history.All);
    }

    [GeneratedRegex("not sent", RegexOptions.IgnoreCase)]
    private static partial Regex NotSentCount();

    [Fact]
    public async Task An_unknown_email_is_exit_2_in_sweep_as_in_transfer()
    {
        var transfer = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "nobody@example.com/spot");
        var sweep = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--from", "nobody@example.com", "--dry-run");

        Assert.Equal(2, transfer.ExitCode);
        Assert.Equal(transfer.ExitCode, sweep.ExitCode);
        Assert.Contains("nobody@example.com", sweep.Error);
        Assert.Contains("known sub-account", sweep.Error);
    }

    [Fact]
    public async Task The_soak_fault_rate_help_says_the_range_it_accepts()
    {
        var help = await _cli.RunAsync("sim", "soak", "--help");
        var tooHigh = await _cli.RunAsync("sim", "soak", "--fault-rate", "0.95");

        Assert.Contains("0 to 0.9", help.Out);
        Assert.Equal(2, tooHigh.ExitCode);
        Assert.Contains("0 to 0.9", tooHigh.Error);
    }

    [Fact]
    public async Task The_rebalance_example_of_docs_cli_md_runs_as_written_on_the_demo_data()
    {
        var plan = Path.Combine(_cli.Home, "plan.yaml");
        File.WriteAllText(plan, DocsRebalanceExample());

        var dry = await _cli.RunAsync("rebalance", plan, "--dry-run");
        var run = await _cli.RunAsync("rebalance", plan);

        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.True(run.ExitCode == 0, run.All);
    }

    [Fact]
    public async Task The_demo_with_json_prints_one_document_and_without_it_the_tour()
    {
        var json = await _cli.RunAsync("demo", "--json");
        var text = await _cli.RunAsync("demo");

        Assert.True(json.ExitCode == 0, json.All);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        Assert.True(root.GetProperty("conserved").GetBoolean());
        Assert.Equal(5, root.GetProperty("moves").GetArrayLength());
        Assert.Equal("-5002", root.GetProperty("refused").GetProperty("code").GetString());
        Assert.Equal(3, root.GetProperty("htx").GetProperty("moves").GetArrayLength());
        Assert.Contains("refused: code -5002", text.Out);
        Assert.DoesNotContain("{", text.Out.Split('\n')[0]);
    }

    [Fact]
    public async Task Sim_soak_with_json_ends_with_the_summary_as_one_json_object()
    {
        var result = await _cli.RunAsync("sim", "soak", "--transfers", "20", "--fault-rate", "0.2", "--seed", "3", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(20, root.GetProperty("transfers").GetInt32());
        Assert.Equal(0, root.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, root.GetProperty("losses").GetInt32());
        Assert.Equal(0, root.GetProperty("unresolved").GetInt32());
        Assert.True(root.GetProperty("conserved").GetBoolean());
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task An_htx_account_is_called_HTX_in_messages()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"h","venue":"htx","environment":"mainnet","apiKey":"htx-key-0123456789","secret":"htx-secret-0123456789"}]}""");

        var result = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--account", "h", "--dry-run");
        var show = await _cli.RunAsync("accounts", "show", "h");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("HTX account", result.Error);
        Assert.DoesNotContain("Htx", result.All);
        Assert.Contains("Venue: HTX", show.Out);
    }

    /// <summary>The YAML block under "The rebalance plan file" in docs/cli.md, exactly as a reader copies it.</summary>
    private static string DocsRebalanceExample()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "cli.md"))) folder = folder.Parent;
        Assert.NotNull(folder);
        var text = File.ReadAllText(Path.Combine(folder!.FullName, "docs", "cli.md"));
        var section = text[text.IndexOf("### The rebalance plan file", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
