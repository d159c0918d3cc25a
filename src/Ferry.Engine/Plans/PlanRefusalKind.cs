namespace Ferry.Engine.Plans;

/// <summary>Why a plan id cannot run.</summary>
public enum PlanRefusalKind
{
    /// <summary>No such plan here: never made in this process, altered, or from another process.</summary>
    Unknown,

    /// <summary>It ran already; a plan runs at most once.</summary>
    Replayed,

    /// <summary>Its time-to-live passed before it ran.</summary>
    Expired,
}
