using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ferry.Cli.Tests;

/// <summary>
/// ferry published as Native AOT (<c>dotnet publish src/Ferry.Cli -c Release -p:FerryNative=true</c>) once per test run,
/// into a temporary folder with its own bin and obj, so the tests run the native program a user of that build runs.
/// The native toolchain (clang, zlib1g-dev) is installed when missing and this runs as root; otherwise, or when the
/// publish fails, every test of the class fails with the reason (never a silent skip).
/// </summary>
public sealed class NativeCliBuild : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-native-").FullName;

    /// <summary>The native <c>ferry</c> program.</summary>
    public string Ferry => Path.Combine(_folder, "app", "ferry");

    /// <summary>The folder the publish wrote: the program and the native libraries beside it.</summary>
    public string AppFolder => Path.Combine(_folder, "app");

    /// <summary>Everything <c>dotnet publish</c> wrote (its warnings among it).</summary>
    public string PublishLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Native AOT compiles for the machine it runs on; CI's machines are linux-x64.
        Assert.True(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "the Native AOT build is tested on linux-x64");
        await NativeToolchain.EnsureAsync();
        var project = Path.Combine(RepositoryFolder.Root(), "src", "Ferry.Cli", "Ferry.Cli.csproj");
        var start = new ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "-p:FerryNative=true", "-o", AppFolder, "--artifacts-path", Path.Combine(_folder, "artifacts"),
                "-nologo", "-p:UseSharedCompilation=false", "--disable-build-servers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Close();
            // A guard against a hung build, not a timing assertion: the native compile of the whole CLI takes 6-7 minutes of CPU,
            // and on a loaded shared machine over 25 minutes of wall time.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(60));
            var stdout = process.StandardOutput.ReadToEndAsync(hang.Token);
            var stderr = process.StandardError.ReadToEndAsync(hang.Token);
            await process.WaitForExitAsync(hang.Token);
            PublishLog = await stdout + await stderr;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"dotnet publish -p:FerryNative=true exited {process.ExitCode}:\n{PublishLog}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
