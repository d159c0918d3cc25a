using System.Diagnostics;

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
}
