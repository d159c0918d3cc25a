using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ferry.Benchmarks.TransferPath;

/// <summary>
/// <c>path [--cli ferry.dll] [--src folder] [--list]</c>: how many source files one <c>ferry transfer 10 USDT --from spot --to usdm</c>
/// crosses on the embedded simulator. It runs the built CLI once with the runtime's JIT summary on (every method
/// compiled, in order), keeps the Ferry methods compiled after the transfer command's handler starts (so start-up and
/// the command tree are not counted; the simulator serving the request is not the client's path), and maps each type
/// to the file that declares it. Two counts: every file whose code ran, and the files where more than data ran
/// (a method other than a constructor, an accessor or a record's generated members).
/// </summary>
public static partial class TransferPathRunner
{
    private const string HandlerStart = "Ferry.Cli.Commands.TransferCommand+<>c__DisplayClass0_0:<Create>b__0";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = RepositoryRoot();
        var cli = Option(args, "--cli") ?? Path.Combine(root, "src", "Ferry.Cli", "bin", "Release", "net10.0", "ferry.dll");
        if (!File.Exists(cli))
        {
            await Console.Error.WriteLineAsync($"There is no built CLI at {cli}; run 'dotnet build src/Ferry.Cli -c Release' first or name one with --cli.").ConfigureAwait(false);
            return 2;
        }

        var jitLines = await CompiledMethodsAsync(cli).ConfigureAwait(false);
        var start = jitLines.FindIndex(line => line.Contains(HandlerStart, StringComparison.Ordinal));
        if (start < 0)
        {
            await Console.Error.WriteLineAsync("The transfer command's handler never ran; the CLI's output above says why.").ConfigureAwait(false);
            return 1;
        }

        var files = SourceFiles.Index(Option(args, "--src") ?? Path.Combine(root, "src"));
        var ran = new SortedSet<string>(StringComparer.Ordinal);
        var logic = new SortedSet<string>(StringComparer.Ordinal);
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in jitLines.Skip(start))
        {
            var match = CompiledMethod().Match(line);
            if (!match.Success) continue;
            var type = match.Groups["type"].Value;
            if (type.StartsWith("Ferry.Simulator.", StringComparison.Ordinal)) continue;
            var file = files.Find(type);
            if (file is null)
            {
                unmapped.Add(type);
                continue;
            }
            ran.Add(file);
            if (!IsDataMember(match.Groups["method"].Value)) logic.Add(file);
        }

        Console.WriteLine($"path files={ran.Count} logic_files={logic.Count} ({ByAssembly(logic)}); every file that ran: {ByAssembly(ran)}");
        if (args.Contains("--list"))
        {
            foreach (var file in ran) Console.WriteLine($"  {(logic.Contains(file) ? "logic" : "data ")} {file}");
            foreach (var type in unmapped) Console.WriteLine($"  (no file found for {type})");
        }
        return 0;
    }

    private static async Task<List<string>> CompiledMethodsAsync(string cli)
    {
        var home = Directory.CreateTempSubdirectory("ferry-path-").FullName;
        var summary = Path.Combine(home, "jit.txt");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { cli, "transfer", "10", "USDT", "--from", "spot", "--to", "usdm" }) start.ArgumentList.Add(arg);
            start.Environment["FERRY_HOME"] = home;
            start.Environment["DOTNET_JitStdOutFile"] = summary;
            start.Environment["DOTNET_JitDisasmSummary"] = "1";
            start.Environment["DOTNET_ReadyToRun"] = "0"; // every method then shows as compiled, precompiled or not
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            Console.Write(await output.ConfigureAwait(false));
            Console.Error.Write(await error.ConfigureAwait(false));
            return File.Exists(summary) ? [.. await File.ReadAllLinesAsync(summary).ConfigureAwait(false)] : [];
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static bool IsDataMember(string method) =>
        method is ".ctor" or ".cctor" or "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "<Clone>$" or "Deconstruct"
        || method.StartsWith("get_", StringComparison.Ordinal) || method.StartsWith("set_", StringComparison.Ordinal)
        || method.StartsWith("op_", StringComparison.Ordinal);

    private static string ByAssembly(IEnumerable<string> files) =>
        string.Join(", ", files.GroupBy(f => f.Split('/')[0]).Select(g => $"{g.Key.Replace("Ferry.", "", StringComparison.Ordinal)} {g.Count()}"));

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name) return args[i + 1];
        }
        return null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ferry.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    // "JIT compiled Ns.Type`1+Nested[...]:Method(...)": the declaring type without generic arity or nesting, and the method.
    [GeneratedRegex(@"JIT compiled (?<type>Ferry\.[\w.]+)(`\d+)?(\+[^:\[]+)?(\[[^\]]*\])?:(?<method>[^(\[]+)")]
    private static partial Regex CompiledMethod();
}
