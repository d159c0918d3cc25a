using System.Diagnostics;

namespace Ferry.Cli.Tests;

/// <summary>
/// What a real <c>ferry</c> process loads: <c>--help</c> and <c>--version</c> start no engine, simulator, SQLite or
/// ASP.NET code (they are the start-up floor), while a command on the embedded simulator does load the engine and the
/// simulator, which shows that the check sees what it looks for, but serves it in process: no Kestrel, no web host, no
/// socket. Runs <c>dotnet ferry.dll</c> with a startup hook that lists the loaded assemblies at exit.
/// </summary>
public sealed class StartupLoadTests
{
    private static readonly string[] HeavyAssemblies =
        ["Ferry.Engine", "Ferry.Simulator", "Ferry.Binance", "Ferry.Htx", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore"];

    /// <summary>What serving the simulator on loopback costs at start: Kestrel, the web host and its configuration, sockets.</summary>
    private static readonly string[] WebHostAssemblies =
        ["Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Hosting", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Configuration",
         "System.Net.Sockets"];

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    public async Task Help_and_version_load_no_engine_simulator_sqlite_or_aspnet_assembly(string option)
    {
        var loaded = await LoadedByAsync(option);

        Assert.Contains("ferry", loaded);
        Assert.Contains("System.CommandLine", loaded);
        Assert.DoesNotContain(loaded, name => HeavyAssemblies.Any(heavy => name.StartsWith(heavy, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_transfer_on_the_embedded_simulator_loads_the_engine_the_simulator_and_sqlite()
    {
        var loaded = await LoadedByAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm");

        Assert.Contains("Ferry.Engine", loaded);
        Assert.Contains("Ferry.Simulator", loaded);
        Assert.Contains("Microsoft.Data.Sqlite", loaded);
    }

    [Fact]
    public async Task Balances_on_a_fresh_home_answer_from_the_seed_in_memory_without_sqlite_or_any_file()
    {
        var (loaded, homeFiles) = await RunAsync("balances");

        Assert.Contains("Ferry.Engine", loaded);
        Assert.Contains("Ferry.Simulator", loaded);
        Assert.DoesNotContain(loaded, name => name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal));
        Assert.Empty(homeFiles);
    }

    [Theory]
    [InlineData("balances")]
    [InlineData("transfer 10 USDT --from spot --to usdm")]
    [InlineData("transfer 10 USDT --from htx:spot --to htx:swap")]
    public async Task A_command_on_the_embedded_simulator_serves_it_in_process_without_kestrel_a_web_host_or_sockets(string command)
    {
        var loaded = await LoadedByAsync(command.Split(' '));

        Assert.Contains("Ferry.Simulator", loaded);
        Assert.Contains("Microsoft.AspNetCore.Http", loaded);
        Assert.DoesNotContain(loaded, name => WebHostAssemblies.Any(heavy => name.StartsWith(heavy, StringComparison.Ordinal)));
    }

    /// <summary>The assemblies <c>ferry <paramref name="arguments"/></c> loads in a child process with a fresh FERRY_HOME.</summary>
    private static async Task<IReadOnlyList<string>> LoadedByAsync(params string[] arguments) => (await RunAsync(arguments)).Loaded;

    /// <summary>Runs <c>ferry <paramref name="arguments"/></c> in a child process with a fresh FERRY_HOME; expects exit 0.
    /// Returns the assemblies it loaded and the files it left under FERRY_HOME.</summary>
    private static async Task<(IReadOnlyList<string> Loaded, IReadOnlyList<string> HomeFiles)> RunAsync(params string[] arguments)
    {
        var argument = string.Join(' ', arguments);
        var folder = Directory.CreateTempSubdirectory("ferry-startup-").FullName;
        try
        {
            var list = Path.Combine(folder, "loaded.txt");
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ferry.dll"), .. arguments])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            start.Environment["FERRY_HOME"] = Path.Combine(folder, "home");
            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
            start.Environment[StartupHook.FileVariable] = list;
            using var process = Process.Start(start)!;
            try
            {
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"ferry {argument} exited {process.ExitCode}: {await stderr}");
                await stdout;
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }

            var home = Path.Combine(folder, "home");
            var homeFiles = Directory.Exists(home) ? Directory.GetFiles(home, "*", SearchOption.AllDirectories) : [];
            return (await File.ReadAllLinesAsync(list), homeFiles);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
