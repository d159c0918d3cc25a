using System.Diagnostics;

namespace Ferry.Benchmarks.Startup;

/// <summary>Runs one program to its end and measures its wall time, from before the start to after the exit, and its CPU time.</summary>
public static class TimedRun
{
    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/>; output is read and dropped. A run
    /// that exits non-zero or takes longer than <paramref name="limit"/> fails the bench (it measured a broken command).</summary>
    public static async Task<RunTime> RunAsync(string executable, IReadOnlyList<string> arguments, string? ferryHome, TimeSpan limit, CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (ferryHome is not null) info.Environment["FERRY_HOME"] = ferryHome;
        info.Environment["NO_COLOR"] = "1";

        var cpuBefore = ChildCpuClock.Now();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        try
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(limit);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            var cpu = ChildCpuClock.Now() - cpuBefore;
            var error = await stderr.ConfigureAwait(false);
            await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{Path.GetFileName(executable)} {string.Join(' ', arguments)}' exited {process.ExitCode}: {error.Trim()}");
            }

            return new RunTime(elapsed, cpu);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
