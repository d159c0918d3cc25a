using System.Diagnostics;

namespace Ferry.Cli.Tests.Support;

/// <summary>Runs <c>ferry sim soak ARGS</c> as its own process with a fresh FERRY_HOME (deleted afterwards), killing it
/// after six minutes, and returns its exit code and output.</summary>
internal static class SoakProcess
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string homePrefix, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ferry.dll"), "sim", "soak", .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var home = Directory.CreateTempSubdirectory(homePrefix).FullName;
        start.Environment["FERRY_HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(home, recursive: true);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
