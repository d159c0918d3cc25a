using System.Diagnostics;

namespace Ferry.Benchmarks.Startup;

/// <summary>
/// Publishes the two programs the start-up bench runs: a <c>dotnet new console</c>-style hello app (the floor) and the
/// <c>ferry</c> CLI with its project's own publish settings, both Release and framework-dependent.
/// </summary>
public static class StartupApps
{
    private const string HelloProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <AssemblyName>hello</AssemblyName>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>Publishes the hello app into <paramref name="output"/> and returns the path of its executable.</summary>
    public static async Task<string> PublishHelloAsync(string work, string output, CancellationToken ct)
    {
        var source = Path.Combine(work, "hello-src");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "hello.csproj"), HelloProject, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(source, "Program.cs"), "Console.WriteLine(\"Hello, World!\");\n", ct).ConfigureAwait(false);
        await PublishAsync(Path.Combine(source, "hello.csproj"), output, ct).ConfigureAwait(false);
        return Executable(output, "hello");
    }

    /// <summary>
    /// Publishes <c>src/Ferry.Cli</c> of <paramref name="repository"/> into <paramref name="output"/> (as Native AOT when
    /// <paramref name="native"/>, into its own artifacts folder so the source tree's obj is not touched); returns the executable.
    /// </summary>
    public static async Task<string> PublishCliAsync(string repository, string output, bool native, CancellationToken ct)
    {
        string[] extra = native ? ["-p:FerryNative=true", "--artifacts-path", output + "-artifacts"] : [];
        await PublishAsync(Path.Combine(repository, "src", "Ferry.Cli", "Ferry.Cli.csproj"), output, ct, extra).ConfigureAwait(false);
        return Executable(output, "ferry");
    }

    /// <summary>The bytes of every file in <paramref name="folder"/> and below.</summary>
    public static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>The apphost named <paramref name="name"/> in <paramref name="folder"/>; it must exist.</summary>
    public static string Executable(string folder, string name)
    {
        var path = Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No '{name}' executable in {folder}.", path);
    }

    /// <summary>The folder holding Ferry.slnx, found upwards from the current directory or this program's folder.</summary>
    public static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ferry.slnx"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Ferry.slnx was not found above the current directory; run from the repository.");
    }

    private static async Task PublishAsync(string project, string output, CancellationToken ct, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet", .. extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish {Path.GetFileName(project)} failed (exit {process.ExitCode}):{Environment.NewLine}{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }
    }
}
