namespace Ferry.Benchmarks.Startup;

/// <summary>One command line the start-up bench times: its label, the arguments after the executable, and whether each
/// run gets a fresh, empty FERRY_HOME (so the embedded simulator seeds its state as on a first run).</summary>
public sealed record StartupCommand(string Label, IReadOnlyList<string> Arguments, bool FreshHome);
