namespace Ferry.Simulator.Faults;

/// <summary>The fault kinds the simulator can inject.</summary>
public enum FaultKind
{
    /// <summary>Adds <see cref="FaultPlan.LatencyMs"/> before the request is handled.</summary>
    Latency,
    /// <summary>Answers HTTP 500 before the handler runs: nothing moved.</summary>
    FailBeforeCommit,
    /// <summary>Runs the handler (the money moves), then resets the connection without an answer.</summary>
    DropAfterCommit,
    /// <summary>Runs the handler (the money moves), then answers HTTP 500 instead of its answer.</summary>
    ErrorAfterCommit,
    /// <summary>Answers HTTP 429 with Retry-After before the handler runs: nothing moved.</summary>
    Throttle,
    /// <summary>Toggles the simulator's clock between true time and true time + <see cref="FaultPlan.SkewMs"/>.</summary>
    Skew,
    /// <summary>A committed move shows in history only <see cref="FaultPlan.HistoryLagMs"/> ms (simulator time) after it was made.</summary>
    HistoryLag,
}
