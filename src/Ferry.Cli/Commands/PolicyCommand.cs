using System.CommandLine;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Engine.Accounts;
using Ferry.Engine.Policy;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry policy check | show | init</c>: the transfer policy of FERRY_HOME (<c>policy.yaml</c>, docs/policy.md).</summary>
internal static class PolicyCommand
{
    /// <summary>What <c>ferry policy init</c> writes: agents on the simulator only and capped there, large mainnet moves
    /// needing a second person's approval, everything else allowed.</summary>
    public const string StartingFile = """
        # Ferry's transfer policy (docs/policy.md). Every move is judged before its first leg is journaled: the rules
        # are tried in order, the first that applies decides, and 'default' decides when none does.
        version: 1
        default: allow
        rules:
          # AI agents (ferry mcp) move money on the simulator only.
          - name: agents-simulator-only
            match: { requester: agent, environment: [mainnet, testnet] }
            action: block
          # Even there, a small rolling cap per asset: 1,000 a day and 60 moves an hour.
          - name: agent-daily-cap
            match: { requester: agent }
            limit:
              rolling: { period: 24h, max: 1000 }
              moves: { period: 1h, max: 60 }
            action: block
          # A mainnet move of more than 10,000 needs a second person's approval ('ferry approvals approve ID'), given
          # within 24 hours; the requester then runs the same move again and it runs once.
          - name: large-mainnet-moves
            match: { environment: mainnet }
            limit: { per-move: 10000 }
            action: require-approval
            approval: { required: 1, expires: 24h }
        """;

    public static Command Create(CliEnvironment env)
    {
        var checkJson = CommonOptions.Json();
        var check = new Command("check", "Validate policy.yaml and explain each rule in a sentence (exit 2 naming the line and field when it is not valid).") { checkJson };
        check.SetAction(parse => Check(env, new Printer(env, parse.GetValue(checkJson))));

        var showJson = CommonOptions.Json();
        var show = new Command("show", "Show the effective rules, in the order they are tried.") { showJson };
        show.SetAction(parse => Show(env, new Printer(env, parse.GetValue(showJson))));

        var initJson = CommonOptions.Json();
        var init = new Command("init", "Write a starting policy.yaml (agents on the simulator only and capped; large mainnet moves need approval); never overwrites one.") { initJson };
        init.SetAction(parse => Init(env, new Printer(env, parse.GetValue(initJson))));

        return new Command("policy", "The transfer policy: limits and rules every move is checked against, on every path.") { check, show, init };
    }

    private static (string Path, TransferPolicy? Policy) Load(CliEnvironment env)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        try
        {
            return (PolicyFile.PathUnder(home), PolicyFile.Load(home));
        }
        catch (PolicyFileException e)
        {
            throw e.Unreadable ? CliException.Refused(e.Message) : CliException.BadInput(e.Message);
        }
    }

    private static int Check(CliEnvironment env, Printer printer)
    {
        var (path, policy) = Load(env);
        printer.Document(PolicyDocument.Of(path, policy), CliJsonContext.Default.PolicyDocument);
        if (policy is null)
        {
            printer.Line($"There is no policy file ({path}), so every move is allowed; 'ferry policy init' writes a starting one.");
            return ExitCodes.Ok;
        }
        printer.Line($"{path} is valid: {policy.Rules.Count} rule{(policy.Rules.Count == 1 ? "" : "s")}, tried in order; the first that applies decides.");
        foreach (var rule in policy.Rules) printer.Line(rule.Explain());
        printer.Line(policy.ExplainDefault());
        return ExitCodes.Ok;
    }

    private static int Show(CliEnvironment env, Printer printer)
    {
        var (path, policy) = Load(env);
        printer.Document(PolicyDocument.Of(path, policy), CliJsonContext.Default.PolicyDocument);
        if (policy is null)
        {
            printer.Line($"There is no policy file ({path}), so every move is allowed.");
            return ExitCodes.Ok;
        }
        var table = Printer.NewTable("Rule", "Line", "Matches", "Applies when", "Action");
        foreach (var rule in policy.Rules)
        {
            var doc = PolicyRuleDocument.Of(rule);
            var limits = doc.Limit is not { } l ? "always" : string.Join("; ", new[]
            {
                l.Hours is { } h ? $"outside {h} UTC" : null,
                l.PerMove is { } p ? $"more than {p} per move" : null,
                l.Moves is { } m ? $"more than {m.Max} moves in {PolicyRule.Period(rule.Limits.Moves!.Period)}" : null,
                l.Rolling is { } r ? $"{PolicyRule.Period(rule.Limits.Rolling!.Period)} sum past {r.Max}{(r.PerDestination ? " per destination" : "")}" : null,
            }.Where(s => s is not null));
            Printer.AddRow(table, rule.Name, rule.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), rule.Match.Describe(), limits, doc.Action);
        }
        printer.Table(table);
        printer.Line(policy.ExplainDefault());
        return ExitCodes.Ok;
    }

    private static int Init(CliEnvironment env, Printer printer)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var path = PolicyFile.PathUnder(home);
        if (File.Exists(path) || Directory.Exists(path))
            throw CliException.Refused($"{path} already exists; edit it, or move it aside to write a new one (nothing was changed).");
        home.EnsureExists();
        try
        {
            // CreateNew: a file that appeared since the check above is not overwritten either.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(StartingFile + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            throw CliException.Refused($"{path} already exists; edit it, or move it aside to write a new one (nothing was changed).");
        }
        printer.Document(PolicyDocument.Of(path, PolicyFile.Parse(StartingFile)), CliJsonContext.Default.PolicyDocument);
        printer.Line($"Wrote {path}; 'ferry policy check' explains each rule.");
        return ExitCodes.Ok;
    }
}
