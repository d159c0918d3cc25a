using System.Globalization;
using Ferry.Core.Files;
using Ferry.Core.Money;
using Ferry.Engine.Accounts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ferry.Engine.Policy;

/// <summary>
/// Reads <c>FERRY_HOME/policy.yaml</c> into a <see cref="TransferPolicy"/>, validated whole: every problem is one
/// sentence naming the line and the field (<c>policy.yaml line 7: 'max' must be a plain positive decimal, not '1e3'.</c>).
/// Amounts are parsed exactly from their text. docs/policy.md describes the file.
/// </summary>
public static class PolicyFile
{
    private static readonly string[] TopFields = ["version", "default", "rules"];
    private static readonly string[] RuleFields = ["name", "match", "limit", "action", "approval"];
    private static readonly string[] MatchFields = ["requester", "account", "venue", "environment", "from", "to", "asset"];
    private static readonly string[] LimitFields = ["per-move", "rolling", "moves", "hours"];

    /// <summary>The largest policy file read; a longer one is refused unread.</summary>
    public const long MaxFileBytes = 256 * 1024;

    /// <summary>The policy file under <paramref name="home"/>, or null when there is none (every move is then allowed,
    /// as before policies existed). Throws <see cref="PolicyFileException"/> for a file that is not valid or cannot be
    /// read (a folder, a FIFO or other non-regular file, more than <see cref="MaxFileBytes"/>, no permission).</summary>
    public static TransferPolicy? Load(FerryHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var path = PathUnder(home);
        if (!File.Exists(path) && !Directory.Exists(path)) return null;
        string text;
        try
        {
            text = BoundedFile.ReadAllText(path, MaxFileBytes);
        }
        catch (BoundedFileException e)
        {
            throw new PolicyFileException($"The policy file {path} {e.Reason}.", 1, unreadable: true);
        }
        return Parse(text);
    }

    /// <summary>The path of the policy file under a Ferry home.</summary>
    public static string PathUnder(FerryHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return System.IO.Path.Combine(home.Path, TransferPolicy.FileName);
    }

    /// <summary>Parses and validates the file's text.</summary>
    public static TransferPolicy Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e) when (e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            throw Bad(e.Start.Line, $"'{Shown(e.Message["Duplicate key ".Length..])}' is given twice");
        }
        catch (YamlException e)
        {
            // The parser reports a tab in the indentation at the mapping it was reading; the tab's own line says more.
            var line = e.Message.Contains("tab", StringComparison.Ordinal) && TabLine(yaml) is { } tab ? tab : e.Start.Line;
            throw Bad(line, $"is not valid YAML ({FirstSentence(e.Message)})");
        }
        if (stream.Documents.Count != 1)
            throw Bad(1, $"holds {stream.Documents.Count} YAML documents; write exactly one");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Bad(Line(stream.Documents[0].RootNode), "must be a mapping that starts with 'default:'");

        PolicyAction? fallback = null;
        var rules = new List<PolicyRule>();
        foreach (var (keyNode, value) in Fields(root, TopFields, "the file"))
        {
            switch (keyNode)
            {
                case "version":
                    if (Scalar(value, "version") != "1") throw Bad(Line(value), "'version' must be 1");
                    break;
                case "default":
                    fallback = Action(value, "default");
                    break;
                default:
                    if (value is YamlScalarNode { Value: null or "" }) break;
                    if (value is not YamlSequenceNode list) throw Bad(Line(value), "'rules' must be a list of rules, each starting with '- name:'");
                    foreach (var item in list.Children) rules.Add(Rule(item, rules));
                    break;
            }
        }
        if (fallback is null) throw Bad(1, "'default' is missing; write default: allow, default: block or default: require-approval");
        return new TransferPolicy(fallback.Value, rules);
    }

    private static PolicyRule Rule(YamlNode node, List<PolicyRule> earlier)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "each rule must be a mapping with 'name', 'action' and optionally 'match' and 'limit'");
        string? name = null;
        PolicyAction? action = null;
        var match = new PolicyMatch();
        var limits = new PolicyLimits();
        YamlNode? limitNode = null;
        YamlNode? approvalNode = null;
        var approval = ApprovalTerms.Default;
        foreach (var (key, value) in Fields(map, RuleFields, "a rule"))
        {
            switch (key)
            {
                case "name":
                    name = Scalar(value, "name");
                    if (!Requester.IsName(name)) throw Bad(Line(value), $"'name' must be 1-64 letters, digits, '.', '_', '-' or '@', not '{Shown(name)}'");
                    if (earlier.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                        throw Bad(Line(value), $"'name' {name} is used by an earlier rule; each rule needs its own name");
                    break;
                case "match":
                    match = Match(value);
                    break;
                case "limit":
                    limitNode = value;
                    limits = Limits(value);
                    break;
                case "approval":
                    approvalNode = value;
                    approval = Approval(value);
                    break;
                default:
                    action = Action(value, "action");
                    break;
            }
        }
        if (name is null) throw Bad(Line(map), "the rule has no 'name'");
        if (action is null) throw Bad(Line(map), $"rule '{name}' has no 'action'; write action: allow, block or require-approval");
        if (action == PolicyAction.Allow && limitNode is not null && !limits.None)
            throw Bad(Line(limitNode), $"'limit' on rule '{name}' cannot go with action: allow (limits say when a rule applies, so put them on a block or require-approval rule)");
        if (approvalNode is not null && action != PolicyAction.RequireApproval)
            throw Bad(Line(approvalNode), $"'approval' on rule '{name}' goes only with action: require-approval");
        return new PolicyRule(name, match, limits, action.Value, Line(map)) { Approval = approval };
    }

    private static PolicyMatch Match(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "'match' must be a mapping of fields such as requester, account, asset");
        var match = new PolicyMatch();
        foreach (var (key, value) in Fields(map, MatchFields, "'match'"))
        {
            var values = Values(value, key);
            match = key switch
            {
                "requester" => match with { Requester = values.Select(v => RequesterPattern.Parse(v.Text) ?? throw Bad(v.Line,
                    $"'requester' must be person, agent, token, worker, one of them with a name (agent:claude, token:ci-*) or *, not '{Shown(v.Text)}'")).ToList() },
                "account" => match with { Account = values.Select(v => new PolicyPattern(v.Text)).ToList() },
                "venue" => match with { Venue = values.Select(v => v.Text.ToLowerInvariant() is "binance" or "htx" ? v.Text.ToLowerInvariant()
                    : throw Bad(v.Line, $"'venue' must be binance or htx, not '{Shown(v.Text)}'")).ToList() },
                "environment" => match with { Environment = values.Select(v => Environment(v)).ToList() },
                "from" => match with { From = values.Select(v => new PolicyPattern(v.Text)).ToList() },
                "to" => match with { To = values.Select(v => new PolicyPattern(v.Text)).ToList() },
                _ => match with { Asset = values.Select(v => new PolicyPattern(v.Text.ToUpperInvariant())).ToList() },
            };
        }
        return match;
    }

    private static ApprovalTerms Approval(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "'approval' must be a mapping of required, expires or approvers (e.g. { required: 2, expires: 24h })");
        var terms = ApprovalTerms.Default;
        foreach (var (key, value) in Fields(map, ["required", "expires", "approvers"], "'approval'"))
        {
            switch (key)
            {
                case "required":
                    var text = Scalar(value, "required");
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var required) || required is < 1 or > 10)
                        throw Bad(Line(value), $"'required' must be a whole number of approvers from 1 to 10, not '{Shown(text)}'");
                    terms = terms with { Required = required };
                    break;
                case "expires":
                    terms = terms with { Expires = Period(value, "expires") };
                    break;
                default:
                    terms = terms with { Approvers = Values(value, "approvers").Select(v => Requester.IsName(v.Text) ? v.Text
                        : throw Bad(v.Line, $"'approvers' must list login names (letters, digits, '.', '_', '-' or '@'), not '{Shown(v.Text)}'")).ToList() };
                    break;
            }
        }
        if (terms.Approvers.Count > 0 && terms.Approvers.Count < terms.Required)
            throw Bad(Line(map), $"'approvers' names {terms.Approvers.Count} people but 'required' asks for {terms.Required} distinct approvers");
        return terms;
    }

    private static AccountEnvironment Environment((string Text, int Line) v) => v.Text.ToLowerInvariant() switch
    {
        "mainnet" => AccountEnvironment.Mainnet,
        "testnet" => AccountEnvironment.Testnet,
        "sim" or "simulator" => AccountEnvironment.Sim,
        _ => throw Bad(v.Line, $"'environment' must be mainnet, testnet or sim, not '{Shown(v.Text)}'"),
    };

    private static PolicyLimits Limits(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "'limit' must be a mapping of per-move, rolling, moves or hours");
        var limits = new PolicyLimits();
        foreach (var (key, value) in Fields(map, LimitFields, "'limit'"))
        {
            limits = key switch
            {
                "per-move" => limits with { PerMove = Positive(value, "per-move") },
                "rolling" => limits with { Rolling = Rolling(value) },
                "moves" => limits with { Moves = Moves(value) },
                _ => limits with { Hours = Hours(value) },
            };
        }
        return limits;
    }

    private static RollingLimit Rolling(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "'rolling' must be a mapping with 'period' and 'max' (e.g. { period: 24h, max: 1000 })");
        TimeSpan? period = null;
        decimal? max = null;
        var perDestination = false;
        foreach (var (key, value) in Fields(map, ["period", "max", "per-destination"], "'rolling'"))
        {
            switch (key)
            {
                case "period": period = Period(value); break;
                case "max": max = Positive(value, "max"); break;
                default:
                    perDestination = Scalar(value, key).ToLowerInvariant() switch
                    {
                        "true" => true,
                        "false" => false,
                        var other => throw Bad(Line(value), $"'per-destination' must be true or false, not '{Shown(other)}'"),
                    };
                    break;
            }
        }
        if (period is null) throw Bad(Line(map), "'rolling' has no 'period'; write e.g. period: 24h");
        if (max is null) throw Bad(Line(map), "'rolling' has no 'max'; write e.g. max: 1000");
        return new RollingLimit(period.Value, max.Value, perDestination);
    }

    private static MoveCountLimit Moves(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Bad(Line(node), "'moves' must be a mapping with 'period' and 'max' (e.g. { period: 1h, max: 10 })");
        TimeSpan? period = null;
        int? max = null;
        foreach (var (key, value) in Fields(map, ["period", "max"], "'moves'"))
        {
            if (key == "period")
            {
                period = Period(value);
                continue;
            }
            var text = Scalar(value, "max");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                throw Bad(Line(value), $"'max' of 'moves' must be a whole number of moves, 1 or more, not '{Shown(text)}'");
            max = count;
        }
        if (period is null) throw Bad(Line(map), "'moves' has no 'period'; write e.g. period: 1h");
        if (max is null) throw Bad(Line(map), "'moves' has no 'max'; write e.g. max: 10");
        return new MoveCountLimit(period.Value, max.Value);
    }

    private static HoursWindow Hours(YamlNode node)
    {
        var text = Scalar(node, "hours");
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryTime(parts[0], out var start) && TryTime(parts[1], out var end) && start != end) return new HoursWindow(start, end);
        throw Bad(Line(node), $"'hours' must be a UTC window like 08:00-18:00, not '{Shown(text)}'");
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>A period: a whole number with s, m, h or d, from 1 s to 366 d.</summary>
    private static TimeSpan Period(YamlNode node, string field = "period")
    {
        var text = Scalar(node, field);
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? period = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (period is { } p && p <= TimeSpan.FromDays(366)) return p;
        }
        throw Bad(Line(node), $"'{field}' must be a whole number with s, m, h or d up to 366d (e.g. 24h), not '{Shown(text)}'");
    }

    private static decimal Positive(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (!AmountText.IsPlainDecimal(text) || !AmountText.TryParseExact(text, out var value) || value <= 0)
            throw Bad(Line(node), $"'{field}' must be a plain positive decimal, not '{Shown(text)}'");
        return value;
    }

    private static PolicyAction Action(YamlNode node, string field) => Scalar(node, field).ToLowerInvariant() switch
    {
        "allow" => PolicyAction.Allow,
        "block" => PolicyAction.Block,
        "require-approval" => PolicyAction.RequireApproval,
        var other => throw Bad(Line(node), $"'{field}' must be allow, block or require-approval, not '{Shown(other)}'"),
    };

    /// <summary>The fields of a mapping, each known and given once.</summary>
    private static List<(string Key, YamlNode Value)> Fields(YamlMappingNode map, string[] known, string where)
    {
        var seen = new List<(string, YamlNode)>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Scalar(keyNode, "a field name");
            if (!known.Contains(key)) throw Bad(Line(keyNode), $"{where} has no field '{Shown(key)}'; it knows {string.Join(", ", known)}");
            if (seen.Any(s => s.Item1 == key)) throw Bad(Line(keyNode), $"'{key}' is given twice in {where}");
            seen.Add((key, value));
        }
        return seen;
    }

    /// <summary>One value or a list of values.</summary>
    private static List<(string Text, int Line)> Values(YamlNode node, string field)
    {
        if (node is YamlSequenceNode list)
        {
            if (list.Children.Count == 0) throw Bad(Line(node), $"'{field}' lists nothing; leave it out to match everything");
            return list.Children.Select(c => (Scalar(c, field), Line(c))).ToList();
        }
        return [(Scalar(node, field), Line(node))];
    }

    private static string Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return value.Trim();
        throw Bad(Line(node), node is YamlScalarNode ? $"'{field}' is empty" : $"'{field}' must be a single value here, not a {(node is YamlMappingNode ? "mapping" : "list")}");
    }

    private static int? TabLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].TrimStart(' ').StartsWith('\t')) return i + 1;
        return null;
    }

    private static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>Bad text shown back, shortened so a secret pasted by mistake is never quoted whole.</summary>
    private static string Shown(string text) => AmountText.Shown(text);

    private static PolicyFileException Bad(long line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{TransferPolicy.FileName} line {line}: {problem}."), (int)line);

    private static string FirstSentence(string message)
    {
        var text = message.Replace('\n', ' ').Trim();
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.');
    }
}
