using System.CommandLine;
using Ferry.Cli.Commands;
using Ferry.Cli.Output;
using Ferry.Core.Product;

namespace Ferry.Cli;

/// <summary>
/// The <c>ferry</c> command tree and its error policy: every failure becomes one sentence on
/// standard error and a documented exit code (docs/cli.md), never a stack trace.
/// </summary>
public static class FerryApp
{
    /// <summary>Runs <c>ferry</c> with <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        var (root, verbose, journal) = BuildRoot(args, env);
        env.InspectCommandTree?.Invoke(root);

        var parse = root.Parse(args);
        var json = WantsJson(parse, args);
        if (parse.Errors.Count > 0)
        {
            var problem = Sentence(ParseErrorText.Describe(parse.Errors[0].Message));
            await env.Error.WriteLineAsync($"ferry: {problem} Run 'ferry --help' for usage.");
            if (json) await env.Out.WriteLineAsync(JsonError.For(ExitCodes.BadInput, problem));
            return ExitCodes.BadInput;
        }

        var config = new InvocationConfiguration
        {
            Output = env.Out,
            Error = env.Error,
            EnableDefaultExceptionHandler = false,
            // Signals are handled by Program (one CancellationToken); tests run in-process without them.
            ProcessTerminationTimeout = null,
        };
        try
        {
            env.Log = CliLog.Open(env, parse.GetValue(verbose));
            env.JournalOption = parse.GetValue(journal);
            env.Log.Info($"ferry {FerryProduct.Version}: {CliLog.CommandPath(parse.CommandResult)} (arguments not logged)");
            var exitCode = await parse.InvokeAsync(config, ct);
            env.Log.Info($"exit {exitCode}");
            return exitCode;
        }
        catch (Exception e)
        {
            var (exitCode, message) = FailureExit.Of(e, ct);
            return await FailAsync(env, json, exitCode, message);
        }
        finally
        {
            env.Log.Dispose();
            env.Log = CliLog.Off;
        }
    }

    /// <summary>The top-level commands, each built only when needed.</summary>
    private static readonly (string Name, Func<CliEnvironment, Command> Create)[] TopLevel =
    [
        ("transfer", TransferCommand.Create), ("balances", BalancesCommand.Create), ("history", HistoryCommand.Create),
        ("sim", SimCommand.Create), ("demo", DemoCommand.Create), ("accounts", AccountsCommand.Create), ("sub", SubCommand.Create),
        ("managed", ManagedCommand.Create), ("journal", JournalCommand.Create), ("policy", PolicyCommand.Create),
        ("approvals", ApprovalsCommand.Create), ("audit", AuditCommand.Create), ("mcp", Mcp.McpCommand.Create),
        ("serve", ServeCommand.Create), ("sweep", SweepCommand.Create), ("rebalance", RebalanceCommand.Create),
        ("worker", WorkerCommand.Create),
    ];

    /// <summary>
    /// The command tree for <paramref name="args"/>. When an argument names a top-level command, only the commands named
    /// are built (their options, subcommands and handlers cost start-up time for every command otherwise); the root's
    /// help, an unknown command, a response file or a directive get the whole tree, so their output is unchanged.
    /// </summary>
    internal static (RootCommand Root, Option<bool> Verbose, Option<string?> Journal) BuildRoot(string[] args, CliEnvironment env)
    {
        var wholeTree = env.InspectCommandTree is not null
            || args.Any(a => a.StartsWith('@') || a.StartsWith('['))
            || !TopLevel.Any(c => args.Contains(c.Name, StringComparer.Ordinal));
        var root = new RootCommand("Ferry moves assets between crypto-exchange accounts, exactly once. With no account configured, every command runs on a built-in simulator.");
        foreach (var (name, create) in TopLevel)
        {
            if (wholeTree || args.Contains(name, StringComparer.Ordinal)) root.Subcommands.Add(create(env));
        }
        var verbose = CommonOptions.Verbose();
        root.Options.Add(verbose);
        var journal = CommonOptions.Journal();
        root.Options.Add(journal);
        return (root, verbose, journal);
    }

    private static async Task<int> FailAsync(CliEnvironment env, bool json, int exitCode, string message)
    {
        // Messages never quote a key, but scrub the run's credentials anyway: one sentence, never a secret.
        var sentence = env.Log.Scrub(Sentence(message));
        await env.Error.WriteLineAsync($"ferry: {sentence}");
        if (json) await env.Out.WriteLineAsync(JsonError.For(exitCode, sentence));
        env.Log.Info($"exit {exitCode}: {sentence}");
        return exitCode;
    }

    /// <summary>True when the command line asked for --json (read from the arguments when they did not parse).</summary>
    private static bool WantsJson(ParseResult parse, string[] args)
    {
        if (parse.Errors.Count > 0) return args.Contains("--json", StringComparer.Ordinal);
        var option = parse.CommandResult.Command.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == "--json");
        return option is not null && parse.GetValue(option);
    }

    private static string Sentence(string message)
    {
        var trimmed = message.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }
}
