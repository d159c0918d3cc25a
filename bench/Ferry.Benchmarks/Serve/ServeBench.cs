using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ferry.Benchmarks.Sim;
using Ferry.Benchmarks.Startup;

namespace Ferry.Benchmarks.Serve;

/// <summary>
/// <c>serve</c>: the HTTP service under load, as a user runs it. Publishes the ferry CLI (or takes <c>--cli</c>), starts
/// <c>ferry serve</c> on the embedded simulator with a fresh FERRY_HOME, executes M moves through the API (plan, then
/// execute) so the journal has rows, then, in rounds, drives C concurrent clients against
/// <list type="bullet">
/// <item><b>balances</b>: <c>GET /api/v1/balances</c> (every account, wallet and asset, with totals);</item>
/// <item><b>journal</b>: <c>GET /api/v1/journal?limit=50</c>;</item>
/// <item>and, for each, a <b>floor</b>: a bare Kestrel app answering the same bytes (<see cref="StaticFloorServer"/>).</item>
/// </list>
/// Prints one row per phase and then <c>serve_clients=C balances_per_s=... balances_p99_ms=... journal_per_s=...
/// journal_p99_ms=... balances_floor_ratio=... journal_floor_ratio=...</c> (medians over the rounds; a floor ratio is
/// the service's rate over the floor's). A measurement, not a test: it exits 0 unless the run fails.
/// </summary>
public static class ServeBench
{
    private const string BalancesPath = "api/v1/balances";
    private const string JournalPath = "api/v1/journal?limit=50";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ServeBenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        using var timeout = new CancellationTokenSource(options.Timeout);
        var work = Directory.CreateTempSubdirectory("ferry-serve-bench-").FullName;
        try
        {
            return await MeasureAsync(options, work, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The run did not finish within {options.Timeout.TotalSeconds:0} s.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(ServeBenchOptions options, string work, CancellationToken ct)
    {
        var ferry = options.CliFolder is { } folder
            ? StartupApps.Executable(folder, "ferry")
            : await StartupApps.PublishCliAsync(StartupApps.FindRepository(), Path.Combine(work, "cli"), native: false, ct).ConfigureAwait(false);
        Console.WriteLine($"Ferry service load: {options.Clients} clients, {options.Rounds} rounds of {options.Seconds} s per phase, " +
            $".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
        await using var serve = await ServeProcess.StartAsync(ferry, home, ct).ConfigureAwait(false);
        using var setup = new HttpClient { BaseAddress = serve.BaseAddress };
        await ExecuteMovesAsync(setup, options.Moves, ct).ConfigureAwait(false);
        await using var balancesFloor = await StaticFloorServer.StartAsync(await setup.GetByteArrayAsync(BalancesPath, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await using var journalFloor = await StaticFloorServer.StartAsync(await setup.GetByteArrayAsync(JournalPath, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var phases = new (string Name, Uri Address)[]
        {
            ("balances", new Uri(serve.BaseAddress, BalancesPath)),
            ("balances floor", new Uri(balancesFloor.BaseAddress, BalancesPath)),
            ("journal", new Uri(serve.BaseAddress, JournalPath)),
            ("journal floor", new Uri(journalFloor.BaseAddress, JournalPath)),
        };
        var results = phases.ToDictionary(p => p.Name, _ => new List<LoadResult>());
        using var load = new LoadClient(options.Clients);
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var measured = TimeSpan.FromSeconds(options.Seconds);
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var (name, address) in phases)
            {
                var result = await load.RunAsync(() => new HttpRequestMessage(HttpMethod.Get, address), options.Clients, warmup, measured, ct).ConfigureAwait(false);
                results[name].Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {name,-15} {result.PerSecond,9:0} req/s  p50 {result.MedianMs,8:0.00} ms  p99 {result.P99Ms,8:0.00} ms"));
            }
        }

        double Rate(string name) => Median(results[name].Select(r => r.PerSecond));
        double P99(string name) => Median(results[name].Select(r => r.P99Ms));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve_clients={options.Clients} moves={options.Moves} balances_per_s={Rate("balances"):0} balances_p99_ms={P99("balances"):0.0} " +
            $"journal_per_s={Rate("journal"):0} journal_p99_ms={P99("journal"):0.0} " +
            $"balances_floor_ratio={Rate("balances") / Rate("balances floor"):0.000} journal_floor_ratio={Rate("journal") / Rate("journal floor"):0.000}"));
        return 0;
    }

    /// <summary>Plans and executes <paramref name="moves"/> small spot -> USDⓈ-M moves through the API, one at a time,
    /// as a client would; any answer other than 200 stops the run.</summary>
    private static async Task ExecuteMovesAsync(HttpClient http, int moves, CancellationToken ct)
    {
        for (var i = 0; i < moves; i++)
        {
            using var plan = await http.PostAsync("api/v1/plans/transfer",
                new StringContent("""{"amount":"0.01","asset":"USDT","from":"spot","to":"usdm"}""", Encoding.UTF8, "application/json"), ct).ConfigureAwait(false);
            var planBody = await Ok(plan, ct).ConfigureAwait(false);
            var planId = JsonDocument.Parse(planBody).RootElement.GetProperty("planId").GetString();
            using var execute = await http.PostAsync($"api/v1/plans/{planId}/execute", null, ct).ConfigureAwait(false);
            await Ok(execute, ct).ConfigureAwait(false);
        }
    }

    private static async Task<string> Ok(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK
            ? body
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
