using System.Text.Json.Nodes;
using Ferry.Engine.Plans;
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
/// The plans of one <c>ferry mcp</c> process, in memory, kept by the engine's <see cref="PlanBook{TPlan}"/>: each gets a
/// random id, expires after the configured time, and is run at most once — a replay (or a second call racing the first)
/// is refused with the plan id and when it ran. A plan id from another process is unknown here.
/// </summary>
internal sealed class PlanStore(TimeProvider time, TimeSpan timeToLive)
{
    /// <summary>How long a plan may wait for execute_plan unless <c>--plan-ttl</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(5);

    private readonly PlanBook<McpPlan> _book = new(time, timeToLive, Say);

    public TimeSpan TimeToLive => timeToLive;

    /// <summary>Stores <paramref name="plan"/>; returns its id and when it expires.</summary>
    public (string Id, DateTimeOffset ExpiresAt) Add(McpPlan plan) => _book.Add(plan);

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

    /// <summary>The plan when it can still run; otherwise a <see cref="PlanUnavailableException"/> naming the plan id and why not.</summary>
    public McpPlan Find(string id) => _book.Find(id);

    /// <summary>Marks the plan as run (atomically, after checking again that it may run) and returns it.</summary>
    public McpPlan Claim(string id) => _book.Claim(id);

    private static string Say(PlanRefusal refusal) => refusal.Kind switch
    {
        PlanRefusalKind.Replayed => $"Plan {refusal.PlanId} already ran at {refusal.At:yyyy-MM-dd'T'HH:mm:ss'Z'} and runs at most once; check journal_list for its outcome, and make a new plan to move again.",
        PlanRefusalKind.Expired => $"Plan {refusal.PlanId} expired at {refusal.At:yyyy-MM-dd'T'HH:mm:ss'Z'} ({Ttl(refusal.TimeToLive)} after it was made) and was not run; make a new plan.",
        _ => $"There is no plan '{refusal.PlanId}' in this server; plans live only in the 'ferry mcp' process that made them, so make a new plan.",
    };

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
