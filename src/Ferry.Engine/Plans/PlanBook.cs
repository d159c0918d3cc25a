using System.Security.Cryptography;

namespace Ferry.Engine.Plans;

/// <summary>
/// Plans a front end made and may run once (the MCP server's execute_plan, the HTTP API's execute): each gets a random,
/// unguessable id bound to the exact plan held here, expires after a time-to-live, and is run at most once — <see cref="Claim"/>
/// marks it as run before the caller executes it, so a replay (or a second call racing the first) is refused. Plans live
/// in the memory of the process that made them; an id from elsewhere, or altered, is unknown.
/// </summary>
/// <param name="time">The clock of expiry.</param>
/// <param name="timeToLive">How long a plan may wait to be run.</param>
/// <param name="say">The sentence a refusal carries, in the front end's words (which tool or endpoint to use instead).</param>
public sealed class PlanBook<TPlan>(TimeProvider time, TimeSpan timeToLive, Func<PlanRefusal, string> say) where TPlan : class
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _plans = new(StringComparer.Ordinal);

    private sealed class Entry(TPlan plan, DateTimeOffset expiresAt)
    {
        public TPlan Plan { get; } = plan;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public DateTimeOffset? RanAt { get; set; }
    }

    /// <summary>How long a plan may wait to be run.</summary>
    public TimeSpan TimeToLive => timeToLive;

    /// <summary>Keeps <paramref name="plan"/>; returns its new id and when it expires.</summary>
    public (string Id, DateTimeOffset ExpiresAt) Add(TPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        var expiresAt = now + timeToLive;
        var id = "plan_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        lock (_gate)
        {
            // A plan a day past its expiry can never run: forget it, so a long-running server does not grow without bound
            // (until then its id is still refused as expired or replayed rather than unknown).
            foreach (var stale in _plans.Where(p => p.Value.ExpiresAt + ForgetAfter < now).Select(p => p.Key).ToList()) _plans.Remove(stale);
            _plans[id] = new Entry(plan, expiresAt);
        }
        return (id, expiresAt);
    }

    /// <summary>The plan when it can still run; otherwise throws <see cref="PlanUnavailableException"/>.</summary>
    public TPlan Find(string id) => Check(id).Plan;

    /// <summary>Marks the plan as run (atomically, after checking again that it may run) and returns it.</summary>
    public TPlan Claim(string id)
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
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (!_plans.TryGetValue(id, out var entry)) throw Refuse(new PlanRefusal(PlanRefusalKind.Unknown, id, null, timeToLive));
            if (entry.RanAt is { } ran) throw Refuse(new PlanRefusal(PlanRefusalKind.Replayed, id, ran, timeToLive));
            if (time.GetUtcNow() >= entry.ExpiresAt) throw Refuse(new PlanRefusal(PlanRefusalKind.Expired, id, entry.ExpiresAt, timeToLive));
            return entry;
        }
    }

    private PlanUnavailableException Refuse(PlanRefusal refusal) => new(refusal, say(refusal));
}
