using System.Diagnostics;
using System.IO.Compression;
using Ferry.Testing;

namespace Ferry.Cli.Tests;

/// <summary>
/// What a .NET user gets from <c>dotnet tool install -g ferry</c>: the package <c>dotnet pack</c> builds is a .NET tool,
/// at most 15 MB, carrying native libraries only for the desktop and server platforms; installed into a temporary tool
/// path from a local feed (no other source), it answers <c>--version</c> and runs <c>ferry demo</c> on its built-in
/// simulator.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private const long MaxPackageBytes = 15L * 1024 * 1024;
    private static readonly string[] Platforms = ["linux-arm64", "linux-x64", "osx-arm64", "osx-x64", "win-arm64", "win-x64"];
    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-tool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_packed_tool_is_small_installs_from_a_local_feed_and_runs_the_demo()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        await RunAsync("dotnet", ["pack", Path.Combine(RepositoryFolder.Root(), "src", "Ferry.Cli"), "-c", "Release", "-o", feed, "--nologo",
            "-p:UseSharedCompilation=false", "--disable-build-servers"]);
        var package = Assert.Single(Directory.GetFiles(feed, "ferry.*.nupkg"));

        Assert.True(new FileInfo(package).Length <= MaxPackageBytes, $"The tool package is {new FileInfo(package).Length:N0} bytes, over 15 MB.");
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            var shipped = zip.Entries.Select(e => e.FullName.Split('/')).Where(p => p.Length > 4 && p[3] == "runtimes").Select(p => p[4]).Distinct().Order().ToList();
            Assert.Equal(Platforms, shipped);
        }

        var config = Path.Combine(_folder, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var tools = Path.Combine(_folder, "tools");
        var version = Path.GetFileNameWithoutExtension(package)["ferry.".Length..];
        await RunAsync("dotnet", ["tool", "install", "ferry", "--tool-path", tools, "--configfile", config, "--version", version]);

        var ferry = Path.Combine(tools, OperatingSystem.IsWindows() ? "ferry.exe" : "ferry");
        Assert.StartsWith(version, (await RunAsync(ferry, ["--version"])).Trim(), StringComparison.Ordinal);
        var demo = await RunAsync(ferry, ["demo"]);
        Assert.Contains("SIMULATOR", demo, StringComparison.Ordinal);
        Assert.Contains("Try it yourself", demo, StringComparison.Ordinal);
    }

    /// <summary>Runs a program to its end with a fresh FERRY_HOME; a non-zero exit fails the test with its output.</summary>
    private async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.Environment["FERRY_HOME"] = Path.Combine(_folder, "home");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Close();
            // A guard against a hung build, not a timing assertion: packing compiles the CLI in Release.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            var stdout = process.StandardOutput.ReadToEndAsync(hang.Token);
            var stderr = process.StandardError.ReadToEndAsync(hang.Token);
            await process.WaitForExitAsync(hang.Token);
            Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
            return await stdout;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
