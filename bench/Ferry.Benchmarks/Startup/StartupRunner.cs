using System.Globalization;

namespace Ferry.Benchmarks.Startup;

/// <summary>
/// <c>startup</c>: publishes a hello app (the floor) and the ferry CLI, both Release and framework-dependent, into a
/// temp folder, then times whole processes: <c>ferry --help</c>, <c>ferry --version</c>, <c>ferry balances</c> and
/// <c>ferry transfer 10 USDT --from spot --to usdm</c> on the embedded simulator (a fresh FERRY_HOME per run, so each
/// run also seeds the simulator's state, as a first run does). Each command run is paired with a hello run, in
/// alternating order, so drift on the shared machine hits both alike. It reports the median wall time of each and its
/// ratio to the hello app's median measured in the same run, and the same for CPU time (user + system, which a busy
/// shared machine inflates less than wall time); one warm-up round (disk cache) is not counted.
/// </summary>
public static class StartupRunner
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    private static readonly StartupCommand[] Commands =
    [
        new("help", ["--help"], FreshHome: false),
        new("version", ["--version"], FreshHome: false),
        new("balances", ["balances"], FreshHome: true),
        new("transfer", ["transfer", "10", "USDT", "--from", "spot", "--to", "usdm"], FreshHome: true),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = StartupOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("ferry-startup-").FullName;
        try
        {
            return await MeasureAsync(options, work, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(StartupOptions options, string work, CancellationToken ct)
    {
        Console.WriteLine("Ferry start-up benchmark: whole processes, median wall time against a hello app in the same run");
        var hello = options.HelloFolder is { } helloFolder
            ? StartupApps.Executable(helloFolder, "hello")
            : await StartupApps.PublishHelloAsync(work, Path.Combine(work, "hello"), ct).ConfigureAwait(false);
        var published = System.Diagnostics.Stopwatch.StartNew();
        var ferry = options.CliFolder is { } cliFolder
            ? StartupApps.Executable(cliFolder, "ferry")
            : await StartupApps.PublishCliAsync(StartupApps.FindRepository(), Path.Combine(work, "cli"), options.Native, ct).ConfigureAwait(false);
        Console.WriteLine($"  floor: {hello}");
        Console.WriteLine($"  ferry: {ferry}{(options.Native ? " (Native AOT)" : "")}");
        if (options.CliFolder is null) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ferry published in {published.Elapsed.TotalSeconds:0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ferry folder {StartupApps.FolderBytes(Path.GetDirectoryName(ferry)!) / 1048576.0:0.0} MB, program {new FileInfo(ferry).Length / 1048576.0:0.0} MB"));
        Console.WriteLine($"  {options.Runs} runs per command, .NET {Environment.Version}, {Environment.ProcessorCount} cores");

        var floor = new List<RunTime>();
        var samples = Commands.ToDictionary(c => c.Label, _ => new List<RunTime>());
        var homes = Path.Combine(work, "homes");
        for (var round = 0; round <= options.Runs; round++)
        {
            var counted = round > 0;
            foreach (var command in Commands)
            {
                var home = Path.Combine(homes, $"{command.Label}-{round}");
                if (command.FreshHome) Directory.CreateDirectory(home);
                // Alternate which goes first so that a slow moment is shared out evenly.
                var helloFirst = round % 2 == 0;
                if (helloFirst) Keep(counted, floor, await TimedRun.RunAsync(hello, [], null, RunLimit, ct).ConfigureAwait(false));
                Keep(counted, samples[command.Label],
                    await TimedRun.RunAsync(ferry, command.Arguments, command.FreshHome ? home : EmptyHome(homes), RunLimit, ct).ConfigureAwait(false));
                if (!helloFirst) Keep(counted, floor, await TimedRun.RunAsync(hello, [], null, RunLimit, ct).ConfigureAwait(false));
                if (command.FreshHome) Directory.Delete(home, recursive: true);
            }
        }

        var floorMs = Median(floor, r => r.Wall);
        var floorCpuMs = Median(floor, r => r.Cpu);
        Console.WriteLine();
        Console.WriteLine("| command | median wall ms | min wall ms | wall ratio to hello | median CPU ms | CPU ratio to hello |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("hello (floor)", floor, floorMs, floorCpuMs));
        foreach (var command in Commands) Console.WriteLine(Row("ferry " + string.Join(' ', command.Arguments), samples[command.Label], floorMs, floorCpuMs));
        Console.WriteLine();
        var line = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"hello_ms={floorMs:0.0}"));
        foreach (var command in Commands)
            line.Append(CultureInfo.InvariantCulture, $" {command.Label}_ratio={Median(samples[command.Label], r => r.Wall) / floorMs:0.00}");
        foreach (var command in Commands)
            line.Append(CultureInfo.InvariantCulture, $" {command.Label}_cpu_ratio={Median(samples[command.Label], r => r.Cpu) / floorCpuMs:0.00}");
        Console.WriteLine(line.ToString());
        return 0;
    }

    /// <summary>A FERRY_HOME with nothing in it for commands that should not need one (--help must not write there).</summary>
    private static string EmptyHome(string homes) => Directory.CreateDirectory(Path.Combine(homes, "unused")).FullName;

    private static void Keep(bool counted, List<RunTime> into, RunTime sample)
    {
        if (counted) into.Add(sample);
    }

    private static double Median(List<RunTime> samples, Func<RunTime, TimeSpan> part)
    {
        var sorted = samples.Select(s => part(s).TotalMilliseconds).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Row(string label, List<RunTime> samples, double floorMs, double floorCpuMs)
    {
        var median = Median(samples, r => r.Wall);
        var cpu = Median(samples, r => r.Cpu);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {median:0.0} | {samples.Min(s => s.Wall.TotalMilliseconds):0.0} | {median / floorMs:0.00} | {cpu:0.0} | {cpu / floorCpuMs:0.00} |");
    }
}
