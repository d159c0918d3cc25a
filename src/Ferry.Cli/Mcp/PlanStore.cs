using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A plan an agent made with a plan tool and may run once with <c>execute_plan</c>. Each kind of plan (a transfer route
/// route, a sweep or rebalance) is a subclass that describes itself, says whether it touches mainnet, and executes itself.
/// </summary>
internal abstract class McpPlan
{
    /// <summary>"transfer", "sweep" or "rebalance": what <c>execute_plan</c> reports.</summary>
    public abstract string Kind { get; }

    /// <summary>True when executing it sends anything to a mainnet account, so the user's CONFIRM is needed.</summary>
    public abstract bool TouchesMainnet { get; }

    /// <summary>One paragraph the user reads before typing CONFIRM: what moves, where, with which account.</summary>
    public abstract string ConsentSummary { get; }

    /// <summary>The plan as the plan tool returns it (legs, endpoints, accounts, weights); nothing secret.</summary>
    public abstract JsonObject Describe();

    /// <summary>Sends the plan; called at most once per plan, after the store marked it as run.</summary>
    public abstract Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct);
}

/// <summary>
/// The plans of one <c>ferry mcp</c> process, in memory: each gets a random id, expires after the configured time, and is
/// run at most once — the store marks it as run before it executes, so a replay (or a second call racing the first) is
/// refused with the plan id and when it ran. A plan id from another process is unknown here.
/// </summary>
internal sealed class PlanStore(TimeProvider time, TimeSpan timeToLive)
{
    /// <summary>How long a plan may wait for execute_plan unless <c>--plan-ttl</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _plans = new(StringComparer.Ordinal);

    private sealed class Entry(McpPlan plan, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        public McpPlan Plan { get; } = plan;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public DateTimeOffset? RanAt { get; set; }
    }

    public TimeSpan TimeToLive => timeToLive;

    /// <summary>Stores <paramref name="plan"/>; returns its id and when it expires.</summary>
    public (string Id, DateTimeOffset ExpiresAt) Add(McpPlan plan)
    {
        var now = time.GetUtcNow();
        var id = "plan_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        lock (_gate) _plans[id] = new Entry(plan, now, now + timeToLive);
        return (id, now + timeToLive);
    }

    /// <summary>Stores <paramref name="plan"/> and answers the plan tool with its description, id, expiry and the account it was made with.</summary>
    public CallToolResult Answer(McpPlan plan, Sessions.SessionTarget target) => Answer(plan, Commands.PlanJson.TargetOf(target));

    /// <summary>As <see cref="Answer(McpPlan, Sessions.SessionTarget)"/>, for a plan made through the engine's door (its home account's target).</summary>
    public CallToolResult Answer(McpPlan plan, Output.Json.TargetDocument target)
    {
        var (id, expiresAt) = Add(plan);
        var document = plan.Describe();
        document["planId"] = id;
        document["kind"] = plan.Kind;
        document["expiresAt"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        document["target"] = ToolResults.Node(target, Output.Json.CliJsonContext.Default.TargetDocument);
        return ToolResults.Ok(document);
    }

    /// <summary>The plan when it can still run; otherwise a <see cref="ToolInputException"/>-style sentence naming the plan id and why not.</summary>
    public McpPlan Find(string id) => Check(id).Plan;

    /// <summary>Marks the plan as run (atomically, after checking again that it may run) and returns it.</summary>
    public McpPlan Claim(string id)
    {
        lock (_gate)
        {
            var entry = Check(id);
            entry.RanAt = time.GetUtcNow();
            return entry.Plan;
        }
    }

    private Entry Check(string id)
    {
        lock (_gate)
        {
            if (!_plans.TryGetValue(id, out var entry))
                throw new PlanUnavailableException("unknown", $"There is no plan '{id}' in this server; plans live only in the 'ferry mcp' process that made them, so make a new plan.");
            if (entry.RanAt is { } ran)
                throw new PlanUnavailableException("replayed", $"Plan {id} already ran at {ran:yyyy-MM-dd'T'HH:mm:ss'Z'} and runs at most once; check journal_list for its outcome, and make a new plan to move again.");
            if (time.GetUtcNow() >= entry.ExpiresAt)
                throw new PlanUnavailableException("expired", $"Plan {id} expired at {entry.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'} ({Ttl(timeToLive)} after it was made) and was not run; make a new plan.");
            return entry;
        }
    }

    /// <summary>"5m", "30s", "0s": how a time-to-live is written in --plan-ttl and in messages.</summary>
    public static string Ttl(TimeSpan ttl) =>
        ttl.TotalSeconds % 3600 == 0 && ttl.TotalSeconds > 0 ? $"{ttl.TotalHours:0}h"
        : ttl.TotalSeconds % 60 == 0 && ttl.TotalSeconds > 0 ? $"{ttl.TotalMinutes:0}m"
        : $"{ttl.TotalSeconds:0}s";

    /// <summary>Reads a --plan-ttl value: a whole number with s, m or h (0s..24h); null when it is not one.</summary>
    public static TimeSpan? ParseTtl(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 2) return null;
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
        TimeSpan? ttl = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => null,
        };
        return ttl is { } t && t <= TimeSpan.FromHours(24) ? t : null;
    }
}

/// <summary>A plan that cannot run: <see cref="Kind"/> is unknown, expired or replayed.</summary>
internal sealed class PlanUnavailableException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;
}
