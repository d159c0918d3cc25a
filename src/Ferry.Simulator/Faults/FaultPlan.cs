using System.Globalization;

namespace Ferry.Simulator.Faults;

/// <summary>
/// A parsed fault SPEC: comma-separated <c>KIND=RATE</c> or <c>KIND@PATH=RATE</c>, plus the settings <c>latency-ms=N</c>,
/// <c>skew-ms=N</c>, <c>history-lag-ms=N</c> and <c>retry-after-s=N</c> (the throttle's Retry-After, default 1). Kinds: latency, fail-before-commit, drop-after-commit,
/// error-after-commit, throttle, skew, history-lag.
/// </summary>
public sealed record FaultPlan(IReadOnlyList<FaultRule> Rules, int LatencyMs, int SkewMs, int HistoryLagMs, int RetryAfterSeconds = 1)
{
    /// <summary>No faults.</summary>
    public static readonly FaultPlan None = new([], 0, 0, 0);

    /// <summary>The kinds as the SPEC spells them.</summary>
    public static readonly IReadOnlyDictionary<string, FaultKind> KindNames = new Dictionary<string, FaultKind>(StringComparer.Ordinal)
    {
        ["latency"] = FaultKind.Latency, ["fail-before-commit"] = FaultKind.FailBeforeCommit, ["drop-after-commit"] = FaultKind.DropAfterCommit,
        ["error-after-commit"] = FaultKind.ErrorAfterCommit, ["throttle"] = FaultKind.Throttle, ["skew"] = FaultKind.Skew,
        ["history-lag"] = FaultKind.HistoryLag,
    };

    /// <summary>True when there is nothing to inject.</summary>
    public bool IsEmpty => Rules.Count == 0;

    /// <summary>The rate of history-lag (0 when absent).</summary>
    public double HistoryLagRate => Rules.Where(r => r.Kind == FaultKind.HistoryLag).Select(r => r.Rate).DefaultIfEmpty(0).Max();

    /// <summary>Parses a SPEC; throws <see cref="FormatException"/> with one sentence naming the bad item.</summary>
    public static FaultPlan Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return None;
        var rules = new List<FaultRule>();
        int latency = 100, skew = 5000, lag = 2000, retryAfter = 1;
        foreach (var raw in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = raw.IndexOf('=');
            if (eq <= 0) throw new FormatException($"Fault '{raw}' is not KIND=RATE; write e.g. drop-after-commit=0.1.");
            var (name, value) = (raw[..eq], raw[(eq + 1)..]);
            switch (name)
            {
                case "latency-ms": latency = Millis(name, value); continue;
                case "skew-ms": skew = Millis(name, value); continue;
                case "history-lag-ms": lag = Millis(name, value); continue;
                case "retry-after-s": retryAfter = Millis(name, value); continue;
            }
            string? path = null;
            var at = name.IndexOf('@');
            if (at >= 0)
            {
                path = name[(at + 1)..];
                name = name[..at];
                if (!path.StartsWith('/')) throw new FormatException($"Fault '{raw}' names the path '{path}', which does not start with '/'.");
            }
            if (!KindNames.TryGetValue(name, out var kind))
                throw new FormatException($"'{name}' is not a fault kind; use one of {string.Join(", ", KindNames.Keys)} (or latency-ms, skew-ms, history-lag-ms).");
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1 || double.IsNaN(rate))
                throw new FormatException($"Fault '{raw}' has the rate '{value}'; a rate is a fraction from 0 to 1.");
            if (kind == FaultKind.HistoryLag && path is not null)
                throw new FormatException($"Fault '{raw}': history-lag applies to moves, not to one path.");
            rules.Add(new FaultRule(kind, rate, path));
        }
        return new FaultPlan(rules, latency, skew, lag, retryAfter);
    }

    /// <summary>The same SPEC text back (settings last).</summary>
    public override string ToString() => IsEmpty ? "none" : string.Join(",", Rules.Select(r =>
        $"{KindNames.First(k => k.Value == r.Kind).Key}{(r.Path is null ? "" : "@" + r.Path)}={r.Rate.ToString(CultureInfo.InvariantCulture)}"))
        + $",latency-ms={LatencyMs},skew-ms={SkewMs},history-lag-ms={HistoryLagMs},retry-after-s={RetryAfterSeconds}";

    private static int Millis(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 3_600_000
            ? ms
            : throw new FormatException($"{name}={value} is not a whole number of milliseconds from 0 to 3600000.");
}
