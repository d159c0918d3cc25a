using System.Globalization;
using System.Text;
using Ferry.Benchmarks.Loopback;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Benchmarks.Sim;

/// <summary>
/// <c>sim</c>: the simulator under load, against a floor measured in the same run. In rounds, each phase driving
/// <c>C</c> concurrent loops of one pre-signed request over loopback HTTP for a fixed span:
/// <list type="bullet">
/// <item><b>floor</b>: signed GET history on <see cref="HmacFloorServer"/> (bare Kestrel + HMAC check);</item>
/// <item><b>sim</b>: the same GET on the in-memory simulator (empty history);</item>
/// <item><b>history 0 / 10 / M</b>: the same GET on simulators serving a state file with an empty history, with 10
/// moves (one full page: the same answer size as at M) and with M moves, all of which match the query
/// (<see cref="HistorySeeder"/>); history_300k_ratio compares M with 10, so only the history's length differs;</item>
/// <item><b>post</b>: POST /sapi/v1/asset/transfer on a simulator with a state file (WAL, durable before it answers),
/// and the same on the in-memory simulator (the ceiling without the file).</item>
/// </list>
/// Prints one row per phase and then <c>sim_get_ratio=R sim_post_per_s=P history_300k_ratio=H ...</c>. A measurement,
/// not a test: it exits 0 unless the run fails (an answer other than 200, a server that does not start, the timeout).
/// </summary>
public static class SimBench
{
    private const string HistoryQuery = "type=MAIN_UMFUTURE";
    private const string TransferForm = "type=MAIN_UMFUTURE&asset=USDT&amount=1";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = SimBenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        using var timeout = new CancellationTokenSource(options.Timeout);
        var dir = Path.Combine(Path.GetTempPath(), "ferry-sim-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return await RunAsync(options, dir, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The run did not finish within {options.Timeout.TotalSeconds:0} s.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<int> RunAsync(SimBenchOptions options, string dir, CancellationToken ct)
    {
        var emptyPath = Path.Combine(dir, "history-0.db");
        var pagePath = Path.Combine(dir, "history-10.db");
        var longPath = Path.Combine(dir, $"history-{options.Moves}.db");
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await HistorySeeder.CreateAsync(emptyPath, 0).ConfigureAwait(false);
        await HistorySeeder.CreateAsync(pagePath, 10).ConfigureAwait(false);
        await HistorySeeder.CreateAsync(longPath, options.Moves).ConfigureAwait(false);
        Console.WriteLine($"seeded {options.Moves} moves in {seeding.Elapsed.TotalSeconds:0.0} s");

        var floor = await HmacFloorServer.StartAsync(ScenarioDocument.DemoApiKey, ScenarioDocument.DemoSecret).ConfigureAwait(false);
        await using var floorScope = floor.ConfigureAwait(false);
        var memory = await StartSimAsync(null).ConfigureAwait(false);
        await using var memoryScope = memory.ConfigureAwait(false);
        var empty = await StartSimAsync(emptyPath).ConfigureAwait(false);
        await using var emptyScope = empty.ConfigureAwait(false);
        var page = await StartSimAsync(pagePath).ConfigureAwait(false);
        await using var pageScope = page.ConfigureAwait(false);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var full = await StartSimAsync(longPath).ConfigureAwait(false);
        await using var fullScope = full.ConfigureAwait(false);
        Console.WriteLine($"loaded the {options.Moves}-move state file in {started.Elapsed.TotalSeconds:0.0} s");
        var posts = await StartSimAsync(Path.Combine(dir, "posts.db")).ConfigureAwait(false);
        await using var postsScope = posts.ConfigureAwait(false);
        // Its own memory simulator, so the moves it makes never show in the GET phases' history.
        var memoryPosts = await StartSimAsync(null).ConfigureAwait(false);
        await using var memoryPostsScope = memoryPosts.ConfigureAwait(false);

        using var load = new LoadClient(options.Concurrency);
        var phases = new (string Name, Func<Func<HttpRequestMessage>> Request)[]
        {
            ("floor GET (bare Kestrel + HMAC)", () => Get(floor.BaseAddress)),
            ("sim GET (memory, empty history)", () => Get(memory.BaseAddress)),
            ("sim GET (state file, 0 moves)", () => Get(empty.BaseAddress)),
            ("sim GET (state file, 10 moves)", () => Get(page.BaseAddress)),
            ($"sim GET (state file, {options.Moves} moves)", () => Get(full.BaseAddress)),
            ("sim POST transfer (state file)", () => Post(posts.BaseAddress)),
            ("sim POST transfer (memory)", () => Post(memoryPosts.BaseAddress)),
        };
        var totals = new double[phases.Length];
        var medians = new List<double>[phases.Length];
        for (var p = 0; p < phases.Length; p++) medians[p] = [];
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var measured = TimeSpan.FromSeconds(options.Seconds);
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate the order so that drift on a shared machine hits every phase alike.
            var order = Enumerable.Range(0, phases.Length);
            if (round % 2 == 1) order = order.Reverse();
            foreach (var p in order)
            {
                var result = await load.RunAsync(phases[p].Request(), options.Concurrency, warmup, measured, ct).ConfigureAwait(false);
                totals[p] += result.PerSecond;
                medians[p].Add(result.MedianMs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1} {phases[p].Name,-42} {result.PerSecond,9:0} req/s  p50 {result.MedianMs:0.00} ms"));
            }
        }

        var mean = totals.Select(t => t / options.Rounds).ToArray();
        Console.WriteLine();
        for (var p = 0; p < phases.Length; p++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{phases[p].Name,-42} {mean[p],9:0} req/s  p50 {medians[p].Order().ElementAt(medians[p].Count / 2):0.00} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sim_get_ratio={mean[1] / mean[0]:0.000} sim_post_per_s={mean[5]:0} history_300k_ratio={mean[3] / mean[4]:0.000} history_vs_empty_ratio={mean[2] / mean[4]:0.000} state_get_ratio={mean[2] / mean[0]:0.000} memory_post_per_s={mean[6]:0} moves={options.Moves} concurrency={options.Concurrency}"));
        return 0;
    }

    private static Task<SimulatorHost> StartSimAsync(string? statePath) => SimulatorHost.StartAsync(new SimulatorOptions
    {
        Scenario = BenchScenario.Create(),
        StatePath = statePath,
        RateLimits = BenchScenario.RateLimits(),
    });

    private static Func<HttpRequestMessage> Get(Uri baseAddress)
    {
        var uri = new Uri(baseAddress, "sapi/v1/asset/transfer?" + SignedQuery.Sign(HistoryQuery, ScenarioDocument.DemoSecret, Now()));
        return () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, uri);
            message.Headers.Add("X-MBX-APIKEY", ScenarioDocument.DemoApiKey);
            return message;
        };
    }

    private static Func<HttpRequestMessage> Post(Uri baseAddress)
    {
        var uri = new Uri(baseAddress, "sapi/v1/asset/transfer");
        var body = Encoding.UTF8.GetBytes(SignedQuery.Sign(TransferForm, ScenarioDocument.DemoSecret, Now()));
        return () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            message.Headers.Add("X-MBX-APIKEY", ScenarioDocument.DemoApiKey);
            return message;
        };
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
