using System.Diagnostics;
using Ferry.Cli.Tests.Support;

namespace Ferry.Cli.Tests;

/// <summary>The crash run: the real ferry executable with --kill-every, whose worker child is SIGKILLed and restarted.</summary>
public sealed class SoakKillTests
{
    [Fact]
    public async Task A_worker_killed_at_seeded_points_still_ends_exactly_once()
    {
        const int seed = 17;
        var ferryDll = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        var start = new ProcessStartInfo("dotnet", [ferryDll, "sim", "soak", "--transfers", "40", "--fault-rate", "0.2", "--seed", "17", "--kill-every", "8"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["FERRY_HOME"] = Directory.CreateTempSubdirectory("ferry-soak-kill-").FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await stdout).TrimEnd().Split('\n');
        Assert.True(process.ExitCode == 0, $"seed {seed}: exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Equal("transfers=40 duplicates=0 losses=0 unresolved=0 conserved=true", lines[^1]);
        Assert.Matches(@"kills: [1-9]", lines[^2]);
        Directory.Delete(start.Environment["FERRY_HOME"]!, recursive: true);
    }

    [Fact]
    public async Task Several_processes_on_one_journal_with_kills_and_bystanders_end_exactly_once_with_no_internal_error()
    {
        const int seed = 23;
        var (code, stdout, stderr) = await RunSoakAsync("--transfers", "70", "--fault-rate", "0.2", "--seed", "23", "--processes", "3", "--kill-every", "12");
        var lines = stdout.TrimEnd().Split('\n');
        Assert.True(code == 0, $"seed {seed}: exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("transfers=70 duplicates=0 losses=0 unresolved=0 conserved=true", lines[^1]);
        var processes = lines[^2];
        Assert.StartsWith("processes: ", processes);
        Assert.Matches(@"kills: [1-9]", processes);
        Assert.Contains("internal errors (exit 70): 0", processes);
        // The bystanders ran: CLI reconcile and resume processes, and the MCP server moved its share.
        Assert.Matches(@"journal-reconcile:\d+=\d+", processes);
        Assert.Matches(@"journal-resume:\d+=\d+", processes);
        Assert.Matches(@"mcp-execute_plan:ok=[1-9]", processes);
    }

    private static Task<(int Code, string Out, string Error)> RunSoakAsync(params string[] args) => SoakProcess.RunAsync("ferry-soak-procs-", args);
}
