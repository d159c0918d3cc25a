namespace Ferry.Cli;

/// <summary>
/// Everything the CLI reads from or writes to its process, injected so tests run commands
/// in-process with captured output and a private FERRY_HOME.
/// </summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required TextReader In { get; init; }

    /// <summary>True when a person can answer a prompt (standard input is a terminal).</summary>
    public required bool IsInteractive { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The real process: console streams and environment.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInteractive = !Console.IsInputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
