using Ferry.Engine.Transfers;

namespace Ferry.Engine.Work;

/// <summary>A queued unit as the queue holds it now.</summary>
/// <param name="Id">The unit's id (<c>W20260105120000-3f9c0a1b2c</c>); also the intent key of its journal entries.</param>
/// <param name="Order">What was queued.</param>
/// <param name="State">Where it stands.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="Holder">Who holds it (running units only).</param>
/// <param name="Takes">How many times a worker took it (more than one: it was handed back or taken over).</param>
/// <param name="FinishedAt">When it reached a final state.</param>
/// <param name="JournalIds">The journal entries of its move, in order (when finished).</param>
/// <param name="Message">What happened last, one sentence.</param>
public sealed record WorkUnit(string Id, WorkOrder Order, WorkUnitState State, DateTimeOffset CreatedAt, WorkHolder? Holder, int Takes,
    DateTimeOffset? FinishedAt, IReadOnlyList<string> JournalIds, string? Message)
{
    /// <summary>The move.</summary>
    public TransferRequest Request => Order.Request;
}
