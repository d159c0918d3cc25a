using System.Diagnostics;
using Ferry.Testing;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The README's C# quick start is the sample program samples/Ferry.Samples.Transfer, line for line (less its using
/// lines), and that program moves the money on the simulator when it runs.
/// </summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void The_readme_shows_the_sample_program_line_for_line()
    {
        var root = RepositoryFolder.Root();
        var program = File.ReadAllLines(Path.Combine(root, "samples", "Ferry.Samples.Transfer", "Program.cs"))
            .SkipWhile(line => line.StartsWith("using ", StringComparison.Ordinal) || line.Length == 0).ToList();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var start = Array.IndexOf(readme, "```csharp");
        Assert.True(start >= 0, "README.md has no ```csharp block.");
        var block = readme.Skip(start + 1).TakeWhile(line => line != "```").ToList();

        Assert.Equal(program, block);
        Assert.True(block.Count < 15, $"The C# quick start has {block.Count} lines; keep it under 15.");
    }

    [Fact]
    public async Task The_sample_program_moves_10_usdt_on_the_simulator()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ferry.Samples.Transfer.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            // A guard against a hang, not a timing assertion.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(hang.Token);
            var stderr = process.StandardError.ReadToEndAsync(hang.Token);
            await process.WaitForExitAsync(hang.Token);
            Assert.True(process.ExitCode == 0, $"the sample exited {process.ExitCode}: {await stderr}");
            Assert.StartsWith("Moved 10 USDT from spot to USDⓈ-M futures; transfer id ", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
