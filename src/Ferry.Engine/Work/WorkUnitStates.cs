namespace Ferry.Engine.Work;

/// <summary>The names of <see cref="WorkUnitState"/> as stored and printed.</summary>
public static class WorkUnitStates
{
    /// <summary>The lower-case name ("queued", "running", "done", "failed", "unknown").</summary>
    public static string Name(WorkUnitState state) => state switch
    {
        WorkUnitState.Queued => "queued",
        WorkUnitState.Running => "running",
        WorkUnitState.Done => "done",
        WorkUnitState.Failed => "failed",
        WorkUnitState.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The state a stored or typed name means; false for anything else.</summary>
    public static bool TryParse(string? name, out WorkUnitState state)
    {
        foreach (var s in Enum.GetValues<WorkUnitState>())
        {
            if (string.Equals(Name(s), name, StringComparison.Ordinal))
            {
                state = s;
                return true;
            }
        }
        state = default;
        return false;
    }

    /// <summary>True for done, failed and unknown: no worker takes the unit again.</summary>
    public static bool IsFinal(WorkUnitState state) => state is WorkUnitState.Done or WorkUnitState.Failed or WorkUnitState.Unknown;

    /// <summary>The lower-case name of a kind ("transfer", "sweep", "rebalance").</summary>
    public static string Name(WorkKind kind) => kind.ToString().ToLowerInvariant();
}
