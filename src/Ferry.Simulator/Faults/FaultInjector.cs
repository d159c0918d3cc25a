using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ferry.Simulator.Faults;

/// <summary>
/// Wraps both venues' gateways: before a request is handled it may delay it, skew the clock, fail it with 500 or throttle
/// it with 429 (nothing executes); after it was handled (money moved) it may drop the connection or replace the answer
/// with 500. Draws come from one seeded generator in request order, so a sequential run is the same for a seed. The
/// admin path <c>/_sim/faults</c> (loopback only) reads or replaces the plan: GET, or POST with spec= and seed=.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly SkewClock _clock;
    private FaultPlan _plan;
    private Random _random;
    private int _seed;
    private readonly Dictionary<FaultKind, long> _counts = [];

    public FaultInjector(FaultPlan plan, int seed, SkewClock clock)
    {
        _plan = plan;
        _seed = seed;
        _random = new Random(seed);
        _clock = clock;
    }

    /// <summary>The plan in force.</summary>
    public FaultPlan Plan { get { lock (_gate) return _plan; } }

    /// <summary>The seed in force.</summary>
    public int Seed { get { lock (_gate) return _seed; } }

    /// <summary>How many times each kind fired.</summary>
    public IReadOnlyDictionary<FaultKind, long> Counts { get { lock (_gate) return new Dictionary<FaultKind, long>(_counts); } }

    /// <summary>Replaces the plan and restarts the generator from <paramref name="seed"/>.</summary>
    public void Reset(FaultPlan plan, int seed)
    {
        lock (_gate)
        {
            _plan = plan;
            _seed = seed;
            _random = new Random(seed);
            _counts.Clear();
            _clock.SetOffset(TimeSpan.Zero);
        }
    }

    /// <summary>True when the plan has a history-lag rule that delays some moves (else <see cref="HistoryLagOf"/> is 0 for all).</summary>
    public bool DelaysHistory
    {
        get
        {
            FaultPlan plan;
            lock (_gate) plan = _plan;
            return plan.HistoryLagRate > 0 && plan.HistoryLagMs != 0;
        }
    }

    /// <summary>True when move <paramref name="moveId"/> is one the history-lag fault delays (a pure function of seed and id).</summary>
    public long HistoryLagOf(long moveId)
    {
        FaultPlan plan;
        int seed;
        lock (_gate) (plan, seed) = (_plan, _seed);
        var rate = plan.HistoryLagRate;
        if (rate <= 0 || plan.HistoryLagMs == 0) return 0;
        var h = unchecked((ulong)moveId * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed * 0xC2B2AE3D27D4EB4FUL);
        h ^= h >> 31;
        h = unchecked(h * 0xBF58476D1CE4E5B9UL);
        h ^= h >> 29;
        return (h % 1_000_000UL) / 1_000_000d < rate ? plan.HistoryLagMs : 0;
    }

    /// <summary>Handles one request through <paramref name="next"/>, with the faults the plan draws for it.</summary>
    public async Task HandleAsync(HttpContext ctx, Func<HttpContext, Task> next)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path == "/_sim/faults")
        {
            await AdminAsync(ctx);
            return;
        }
        if (path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            await next(ctx);
            return;
        }

        var fired = Draw(path);
        if (fired.Contains(FaultKind.Latency)) await Task.Delay(TimeSpan.FromMilliseconds(Plan.LatencyMs), ctx.RequestAborted);
        if (fired.Contains(FaultKind.FailBeforeCommit))
        {
            await WriteAsync(ctx, 500, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
            return;
        }
        if (fired.Contains(FaultKind.Throttle))
        {
            ctx.Response.Headers["Retry-After"] = Plan.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(ctx, 429, "{\"code\":-1003,\"msg\":\"Too many requests; please use the websocket for live updates to avoid polling the API.\"}");
            return;
        }
        var drop = fired.Contains(FaultKind.DropAfterCommit);
        var error = fired.Contains(FaultKind.ErrorAfterCommit);
        if (!drop && !error)
        {
            await next(ctx);
            return;
        }

        // Run the handler into a buffer, so the move commits but its answer never reaches the client.
        var original = ctx.Response.Body;
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try
        {
            await next(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
        }
        if (drop)
        {
            ctx.Abort();
            return;
        }
        ctx.Response.Clear();
        await WriteAsync(ctx, 500, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
    }

    private List<FaultKind> Draw(string path)
    {
        var fired = new List<FaultKind>();
        lock (_gate)
        {
            foreach (var rule in _plan.Rules)
            {
                if (rule.Kind == FaultKind.HistoryLag) continue;
                var roll = _random.NextDouble();
                if ((rule.Path is null || rule.Path == path) && roll < rule.Rate && !fired.Contains(rule.Kind))
                {
                    fired.Add(rule.Kind);
                    _counts[rule.Kind] = _counts.GetValueOrDefault(rule.Kind) + 1;
                }
            }
            if (fired.Contains(FaultKind.Skew))
                _clock.SetOffset(_clock.Offset == TimeSpan.Zero ? TimeSpan.FromMilliseconds(_plan.SkewMs) : TimeSpan.Zero);
        }
        return fired;
    }

    private async Task AdminAsync(HttpContext ctx)
    {
        if (ctx.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
        {
            await WriteAsync(ctx, 403, "{\"error\":\"admin endpoints answer loopback only\"}");
            return;
        }
        if (ctx.Request.Method == "POST")
        {
            var spec = ctx.Request.Query["spec"].ToString();
            var seedText = ctx.Request.Query["seed"].ToString();
            try
            {
                var plan = FaultPlan.Parse(spec);
                var seed = seedText.Length == 0 ? 0 : int.Parse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                Reset(plan, seed);
            }
            catch (FormatException e)
            {
                await WriteAsync(ctx, 400, $"{{\"error\":{System.Text.Json.JsonSerializer.Serialize(e.Message, FaultJson.Default.String)}}}");
                return;
            }
        }
        var counts = string.Join(",", Counts.Select(c => $"\"{FaultPlan.KindNames.First(k => k.Value == c.Key).Key}\":{c.Value}"));
        await WriteAsync(ctx, 200, $"{{\"spec\":{System.Text.Json.JsonSerializer.Serialize(Plan.ToString(), FaultJson.Default.String)},\"seed\":{Seed},\"fired\":{{{counts}}}}}");
    }

    private static async Task WriteAsync(HttpContext ctx, int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json;charset=UTF-8";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
    }
}
