using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Simulator.Scenario;
using Ferry.Testing.Postgres;

namespace Ferry.Cli.Tests;

/// <summary>
/// The AOT smoke test: ferry compiled ahead of time (<see cref="NativeCliBuild"/>) publishes with no trim or AOT warning
/// and runs, as a native program on a fresh FERRY_HOME, what a user reaches first: help and version, the demo, balances,
/// Binance and HTX transfers, the journal, a second command that reopens the state the first wrote, bad input, the MCP
/// server over stdio, the simulator as a server, the HTTP service and a PostgreSQL journal. Nothing here may end in a trimming or missing
/// metadata exception: each command answers as the JIT build does.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NativeAotCliTests(NativeCliBuild build, PostgresServer postgres) : IClassFixture<NativeCliBuild>, IDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(90);
    private readonly string _home = Directory.CreateTempSubdirectory("ferry-native-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task The_native_build_publishes_without_trim_or_aot_warnings_as_one_program_that_answers_help_and_version()
    {
        Assert.DoesNotContain("warning IL", build.PublishLog, StringComparison.Ordinal);
        // One native program: no managed ferry.dll and no runtime beside it.
        Assert.False(File.Exists(Path.Combine(build.AppFolder, "ferry.dll")), "the native publish left a managed ferry.dll");
        Assert.False(File.Exists(Path.Combine(build.AppFolder, "libcoreclr.so")), "the native publish carries the JIT runtime");
        // What ships is the program and the two native libraries it loads; no symbol or documentation file beside them.
        Assert.Equal(["ferry", "libe_sqlite3.so", "libsodium.so"],
            Directory.GetFiles(build.AppFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var version = await RunAsync("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out.Trim());
        var help = await RunAsync("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("transfer", help.Out, StringComparison.Ordinal);
        Assert.Contains("journal", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_balances_transfers_and_the_journal_run_natively_and_a_second_command_reopens_the_state_the_first_wrote()
    {
        var demo = await RunAsync("demo");
        Assert.True(demo.Code == 0, demo.All);
        Assert.Contains("SIMULATOR", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Try it yourself", demo.Out, StringComparison.Ordinal);

        var before = await RunAsync("balances", "--json");
        Assert.True(before.Code == 0, before.All);
        var binance = await RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm", "--json");
        Assert.True(binance.Code == 0, binance.All);
        var htx = await RunAsync("transfer", "5", "USDT", "--from", "htx:spot", "--to", "htx:swap", "--json");
        Assert.True(htx.Code == 0, htx.All);

        // Each command is its own process: these reopen the simulator's state file and the journal the transfers wrote.
        var after = await RunAsync("balances", "--json");
        Assert.True(after.Code == 0, after.All);
        Assert.Equal(Balance(before.Out, "USDT_FUTURE", "USDT") + 10m, Balance(after.Out, "USDT_FUTURE", "USDT"));
        var journal = await RunAsync("journal", "list", "--json");
        Assert.True(journal.Code == 0, journal.All);
        using var entries = JsonDocument.Parse(journal.Out);
        Assert.Contains("\"done\"", journal.Out, StringComparison.Ordinal);
        Assert.True(journal.Out.Split("\"done\"").Length - 1 >= 2, journal.Out);
        var text = await RunAsync("journal", "list");
        Assert.True(text.Code == 0, text.All);

        // Bad input: one sentence and the documented exit code, nothing sent.
        var bad = await RunAsync("transfer", "0.000000001", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("ferry: ", bad.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_native_mcp_server_lists_its_tools_and_answers_a_tool_call_over_stdio()
    {
        var start = Start("mcp");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandLimit);
        try
        {
            async Task<JsonElement> RequestAsync(int id, string method, string parameters)
            {
                await process.StandardInput.WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
                await process.StandardInput.FlushAsync();
                while (true)
                {
                    var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new Xunit.Sdk.XunitException("ferry mcp closed standard output: " + await stderr);
                    using var message = JsonDocument.Parse(line);
                    if (message.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
                        return message.RootElement.Clone();
                }
            }

            await RequestAsync(1, "initialize", """{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}""");
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            var list = await RequestAsync(2, "tools/list", "{}");
            var tools = list.GetProperty("result").GetProperty("tools").EnumerateArray().ToList();
            Assert.Contains(tools, t => t.GetProperty("name").GetString() == "plan_transfer");
            var plan = tools.Single(t => t.GetProperty("name").GetString() == "plan_transfer");
            // The input schema is built from the method's parameters: it must name them, typed, as the JIT build does.
            var properties = plan.GetProperty("inputSchema").GetProperty("properties");
            Assert.Equal("string", properties.GetProperty("amount").GetProperty("type").GetString());
            Assert.True(plan.TryGetProperty("outputSchema", out _));

            var balances = await RequestAsync(3, "tools/call", """{"name":"balances","arguments":{}}""");
            Assert.False(balances.GetProperty("result").GetProperty("isError").GetBoolean(), balances.ToString());
            var planned = await RequestAsync(4, "tools/call", """{"name":"plan_transfer","arguments":{"amount":"1","asset":"USDT","from":"spot","to":"funding"}}""");
            Assert.False(planned.GetProperty("result").GetProperty("isError").GetBoolean(), planned.ToString());
            var refused = await RequestAsync(5, "tools/call", """{"name":"plan_transfer","arguments":{"amount":1,"asset":"USDT","from":"spot","to":"funding"}}""");
            Assert.True(refused.GetProperty("result").GetProperty("isError").GetBoolean(), refused.ToString());
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(20_000)) process.Kill(entireProcessTree: true);
        }
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task The_native_simulator_server_answers_a_signed_get_on_loopback_and_stops_on_SIGTERM()
    {
        using var process = Process.Start(Start("sim", "serve", "--port", "0"))!;
        try
        {
            using var timeout = new CancellationTokenSource(CommandLimit);
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(first);
            Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", first);

            using var http = new HttpClient { BaseAddress = new Uri(first!["listening on ".Length..]) };
            var time = await http.GetFromJsonAsync<JsonElement>("api/v3/time", timeout.Token);
            var query = "timestamp=" + time.GetProperty("serverTime").GetInt64().ToString(CultureInfo.InvariantCulture);
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ScenarioDocument.DemoSecret), Encoding.UTF8.GetBytes(query)));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v3/account?{query}&signature={signature}");
            request.Headers.Add("X-MBX-APIKEY", ScenarioDocument.DemoApiKey);
            using var answer = await http.SendAsync(request, timeout.Token);
            var body = await answer.Content.ReadAsStringAsync(timeout.Token);
            Assert.True(answer.IsSuccessStatusCode, body);
            Assert.Contains("\"balances\"", body, StringComparison.Ordinal);

            await StopsOnSigtermAsync(process, timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task The_native_http_service_serves_balances_a_plan_and_its_openapi_document()
    {
        using var process = Process.Start(Start("serve", "--urls", "http://127.0.0.1:0"))!;
        try
        {
            using var timeout = new CancellationTokenSource(CommandLimit);
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(first);
            Assert.StartsWith("listening on http://127.0.0.1:", first, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(first!["listening on ".Length..]) };

            var balances = await http.GetAsync("api/v1/balances", timeout.Token);
            Assert.True(balances.IsSuccessStatusCode, await balances.Content.ReadAsStringAsync(timeout.Token));
            var openApi = await http.GetAsync("openapi/v1.json", timeout.Token);
            var document = await openApi.Content.ReadAsStringAsync(timeout.Token);
            Assert.True(openApi.IsSuccessStatusCode, document);
            Assert.Contains("/api/v1/plans/transfer", document, StringComparison.Ordinal);
            using var plan = await http.PostAsync("api/v1/plans/transfer",
                new StringContent("""{"amount":"1","asset":"USDT","from":"spot","to":"usdm"}""", Encoding.UTF8, "application/json"), timeout.Token);
            var planned = await plan.Content.ReadAsStringAsync(timeout.Token);
            Assert.True(plan.IsSuccessStatusCode, planned);
            Assert.Contains("\"planId\"", planned, StringComparison.Ordinal);

            await StopsOnSigtermAsync(process, timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task The_native_build_migrates_a_postgresql_journal_and_reports_its_workers()
    {
        using var database = postgres.CreateDatabase();
        var migrate = await RunAsync("journal", "migrate", "--journal", database.Url());
        Assert.True(migrate.Code == 0, migrate.All);
        var status = await RunAsync("worker", "status", "--journal", database.Url(), "--json");
        Assert.True(status.Code == 0, status.All);
        using var document = JsonDocument.Parse(status.Out);

        var wrong = await RunAsync("worker", "status", "--journal", database.Url(password: "not-the-password"));
        Assert.Equal(4, wrong.Code);
        Assert.StartsWith("ferry: ", wrong.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", wrong.All, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", wrong.All, StringComparison.Ordinal);
    }

    /// <summary>Sends SIGTERM, as a service manager does, and expects a clean stop (exit 0).</summary>
    private static async Task StopsOnSigtermAsync(Process process, CancellationToken ct)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.Equal(0, process.ExitCode);
    }

    private sealed record Run(int Code, string Out, string Err)
    {
        public string All => Out + Err;
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo(build.Ferry, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["FERRY_HOME"] = _home;
        return start;
    }

    private async Task<Run> RunAsync(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        try
        {
            process.StandardInput.Close();
            using var hang = new CancellationTokenSource(CommandLimit);
            var stdout = process.StandardOutput.ReadToEndAsync(hang.Token);
            var stderr = process.StandardError.ReadToEndAsync(hang.Token);
            await process.WaitForExitAsync(hang.Token);
            return new Run(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static decimal Balance(string balancesJson, string wallet, string asset)
    {
        // Summed over owners: only the master's wallet moves, so the sum moves by what the transfer moved.
        using var document = JsonDocument.Parse(balancesJson);
        return document.RootElement.GetProperty("balances").EnumerateArray()
            .Where(b => b.GetProperty("wallet").GetString() == wallet && b.GetProperty("asset").GetString() == asset)
            .Sum(b => decimal.Parse(b.GetProperty("amount").ToString(), NumberStyles.Number, CultureInfo.InvariantCulture));
    }
}
