namespace Ferry.Engine.Policy;

/// <summary>A rule's limits: the rule applies to a matching move only when the move would break one of them (with no
/// limits, it applies to every matching move).</summary>
public sealed record PolicyLimits
{
    /// <summary>More than this in one move breaks the limit.</summary>
    public decimal? PerMove { get; init; }

    /// <summary>A rolling sum per period.</summary>
    public RollingLimit? Rolling { get; init; }

    /// <summary>A number of moves per period.</summary>
    public MoveCountLimit? Moves { get; init; }

    /// <summary>Moves are within limits only inside this UTC window.</summary>
    public HoursWindow? Hours { get; init; }

    /// <summary>True when no limit is set.</summary>
    public bool None => PerMove is null && Rolling is null && Moves is null && Hours is null;
}
