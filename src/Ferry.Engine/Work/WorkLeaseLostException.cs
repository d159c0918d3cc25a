namespace Ferry.Engine.Work;

/// <summary>A worker wrote under a hold it no longer has: its lease ran out, or another worker took the unit (a new
/// fencing token). Nothing was written.</summary>
public sealed class WorkLeaseLostException(string unitId, string reason)
    : Exception($"Work unit {unitId} is no longer held by this worker ({reason}); nothing was written.")
{
    /// <summary>The unit.</summary>
    public string UnitId { get; } = unitId;
}
