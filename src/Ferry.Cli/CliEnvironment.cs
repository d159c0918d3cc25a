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

    /// <summary>Reads one line a person types without echoing it (API secrets); by default from <see cref="In"/>.</summary>
    public Func<string?>? ReadSecretLine { get; init; }

    /// <summary>Who asks for the moves of this run: the person at the terminal unless a front end says otherwise
    /// (<c>ferry mcp</c> names its agent); null means the person, named after the login (USER).</summary>
    internal Ferry.Engine.Policy.Requester? Requester { get; set; }

    /// <summary>This run's diagnostic log (<c>--verbose</c>, <c>FERRY_LOG</c>); set by <see cref="FerryApp"/>.</summary>
    internal Output.CliLog Log { get; set; } = Output.CliLog.Off;

    /// <summary>The command line's <c>--journal</c>, when given (see <see cref="Sessions.JournalLocation"/>).</summary>
    internal string? JournalOption { get; set; }

    /// <summary>How long this run's journal claims and work-unit holds last without renewal (<c>ferry worker --lease</c>);
    /// null: the default (30 s).</summary>
    internal TimeSpan? Lease { get; set; }

    /// <summary>How this run reconciles (the soak's workers shorten the history-lag window on the simulator); null: the defaults.</summary>
    internal Ferry.Engine.Journal.ReconcileOptions? Reconcile { get; set; }

    /// <summary>
    /// TEST-ONLY: sends the requests of a mainnet-configured account to this loopback simulator instead, so the
    /// CONFIRM path can be tested without real money. It is internal: no argument, option or environment variable
    /// can set it, only code in this assembly or its test project.
    /// </summary>
    internal Uri? MainnetRedirectForTests { get; init; }

    /// <summary>TEST-ONLY: sees the command tree before it parses, so tests can walk every command.</summary>
    internal Action<System.CommandLine.RootCommand>? InspectCommandTree { get; init; }

    /// <summary>One secret line from the person at the terminal.</summary>
    internal string? ReadSecret() => ReadSecretLine is null ? In.ReadLine() : ReadSecretLine();

    /// <summary>The real process: console streams and environment.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInteractive = !Console.IsInputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        ReadSecretLine = Console.IsInputRedirected ? null : ReadWithoutEcho,
    };

    private static string? ReadWithoutEcho()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
