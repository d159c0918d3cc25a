using System.Reflection;

namespace Ferry.Interop.Tests;

/// <summary>Where the node driver lives and whether it can run here. When it cannot, every interop test is
/// reported as skipped with <see cref="SkipReason"/>, never as passed.</summary>
internal static class NodeEnvironment
{
    private static readonly Lazy<(string? Node, string? Reason)> Probe = new(Find);

    /// <summary>tests/Ferry.Interop.Tests/node in the source tree (package.json, interop.mjs, node_modules).</summary>
    public static string NodeDir { get; } =
        typeof(NodeEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FerryInteropNodeDir").Value!;

    /// <summary>Full path of the node executable.</summary>
    public static string NodeExecutable => Probe.Value.Node ?? throw new InvalidOperationException(Probe.Value.Reason);

    /// <summary>Why the interop tests cannot run, or null when they can.</summary>
    public static string? SkipReason => Probe.Value.Reason;

    private static (string?, string?) Find()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
        if (node is null)
        {
            return (null, "node is not on PATH: the interop tests need Node.js 20+ to run @binance/connector and ccxt.");
        }
        foreach (var package in new[] { "@binance/connector", "ccxt" })
        {
            if (!File.Exists(Path.Combine(NodeDir, "node_modules", package, "package.json")))
            {
                return (null, $"{package} is not installed in {NodeDir}/node_modules: run `npm ci --prefix {NodeDir}` " +
                              "(the build does it when npm is on PATH).");
            }
        }
        return (node, null);
    }
}

/// <summary>A fact that needs node and the installed npm clients; skipped with the reason otherwise.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when node or the clients are missing.</summary>
    public NodeFactAttribute() => Skip = NodeEnvironment.SkipReason;
}

/// <summary>A theory that needs node and the installed npm clients; skipped with the reason otherwise.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when node or the clients are missing.</summary>
    public NodeTheoryAttribute() => Skip = NodeEnvironment.SkipReason;
}
