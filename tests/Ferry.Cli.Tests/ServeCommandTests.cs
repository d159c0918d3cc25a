using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry serve</c> in-process on port 0 over the embedded simulator, and its token commands.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServeCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Token_add_prints_the_token_once_and_keeps_only_its_hash()
    {
        var added = await _cli.RunAsync("serve", "token", "add", "ci", "--scope", "execute", "--json");

        Assert.Equal(0, added.ExitCode);
        var token = JsonDocument.Parse(added.Out).RootElement.GetProperty("token").GetString()!;
        Assert.StartsWith("ferry_", token);
        var file = Path.Combine(_cli.Home, "server-tokens.json");
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var list = await _cli.RunAsync("serve", "token", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("ci", list.Out, StringComparison.Ordinal);
        Assert.Contains("execute", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list.All, StringComparison.Ordinal);

        Assert.Equal(2, (await _cli.RunAsync("serve", "token", "add", "ci", "--scope", "read")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("serve", "token", "remove", "ci")).ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("serve", "token", "remove", "ci")).ExitCode);
        Assert.Empty(JsonDocument.Parse((await _cli.RunAsync("serve", "token", "list", "--json")).Out).RootElement.GetProperty("tokens").EnumerateArray());
    }

    [Theory]
    [InlineData(2, "serve", "token", "add", "ci", "--scope", "admin")]
    [InlineData(2, "serve", "token", "add", "no spaces", "--scope", "read")]
    [InlineData(2, "serve", "--urls", "not a url")]
    [InlineData(2, "serve", "--urls", "https://127.0.0.1:0")]
    [InlineData(2, "serve", "--plan-ttl", "soon")]
    [InlineData(4, "serve", "--urls", "http://0.0.0.0:0")]
    public async Task Bad_input_and_an_exposed_address_without_a_token_start_nothing(int exitCode, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("listening", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_cli.Home, "journal.db")));
        Assert.False(Directory.Exists(Path.Combine(_cli.Home, "sim")));
    }

    [Fact]
    public async Task Serve_on_a_fresh_home_serves_the_embedded_simulator_and_moves_money_through_the_journal()
    {
        using var stop = new CancellationTokenSource();
        var output = new FirstLineWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output, Error = error, In = new StringReader(""), IsInteractive = false,
            GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
        };
        var run = FerryApp.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], env, stop.Token);
        var first = await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("listening on http://127.0.0.1:", first);
        using var http = new HttpClient { BaseAddress = new Uri(first["listening on ".Length..]) };

        var accounts = await http.GetFromJsonAsync<JsonElement>("/api/v1/accounts");
        Assert.Contains(accounts.GetProperty("accounts").EnumerateArray(), a => a.GetProperty("environment").GetString() == "sim");
        var plan = await http.PostAsync("/api/v1/plans/transfer", new StringContent("""{"amount":"2","asset":"USDT","from":"spot","to":"usdm"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planId").GetString();
        var executed = await http.PostAsync($"/api/v1/plans/{planId}/execute", null);
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        var htxPlan = await http.PostAsync("/api/v1/plans/transfer", new StringContent("""{"amount":"1","asset":"USDT","from":"htx:spot","to":"htx:swap"}""", Encoding.UTF8, "application/json"));
        var htxPlanId = (await htxPlan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/v1/plans/{htxPlanId}/execute", null)).StatusCode);
        var balances = await http.GetFromJsonAsync<JsonElement>("/api/v1/balances");
        Assert.True(Assert.Single(balances.GetProperty("sources").EnumerateArray()).GetProperty("simulator").GetBoolean());

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("asked by token 'loopback': done", error.ToString(), StringComparison.Ordinal);
        var journal = await _cli.RunAsync("journal", "list", "--json");
        Assert.Contains("\"done\"", journal.Out, StringComparison.Ordinal);
        var history = await _cli.RunAsync("history", "--json");
        Assert.Contains("MAIN_UMFUTURE", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_the_first_line_is_one_object_with_the_address()
    {
        using var stop = new CancellationTokenSource();
        var output = new FirstLineWriter();
        var env = new CliEnvironment
        {
            Out = output, Error = new StringWriter(), In = new StringReader(""), IsInteractive = false,
            GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
        };
        var run = FerryApp.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--json"], env, stop.Token);

        var first = JsonDocument.Parse(await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(60))).RootElement;

        Assert.StartsWith("http://127.0.0.1:", first.GetProperty("listening").GetString());
        Assert.True(first.GetProperty("simulator").GetBoolean());
        Assert.Equal(0, first.GetProperty("tokens").GetInt32());
        using var http = new HttpClient();
        var openApi = await http.GetAsync(first.GetProperty("openApi").GetString());
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    /// <summary>Captures output and completes <see cref="FirstLine"/> once the first line is written.</summary>
    private sealed class FirstLineWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> FirstLine => _first.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            _first.TrySetResult(value ?? "");
        }
    }
}
