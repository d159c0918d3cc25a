namespace Ferry.Engine.Work;

/// <summary>What a person asked for when a unit was queued: one move or route, or one planned move of a sweep or rebalance.</summary>
public enum WorkKind
{
    /// <summary><c>ferry transfer … --queue</c>: one move (one leg or a route).</summary>
    Transfer,
    /// <summary>One move of <c>ferry sweep … --queue</c>.</summary>
    Sweep,
    /// <summary>One move of <c>ferry rebalance … --queue</c>.</summary>
    Rebalance,
}
