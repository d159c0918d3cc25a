using Ferry.Engine.Policy;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Work;

/// <summary>One unit of work to queue: a move as a person states it, the account it is planned for (a worker plans it
/// again through the service), and when a person confirmed it (required for a mainnet move; null when not confirmed).</summary>
/// <param name="Kind">What it came from.</param>
/// <param name="Account">The account the move is planned for (the master of a sweep or rebalance).</param>
/// <param name="Request">The move.</param>
/// <param name="ConfirmedAt">When the person consented to a mainnet move (CONFIRM or --confirm); null: nobody did.</param>
/// <param name="Batch">Groups the units of one sweep or rebalance (null for a lone transfer).</param>
/// <param name="QueuedBy">Who queued it: the worker that runs it asks for them (<c>worker:ID for QueuedBy</c>), so the
/// policy judges the move as theirs; null for units queued before the queue recorded it.</param>
public sealed record WorkOrder(WorkKind Kind, string Account, TransferRequest Request, DateTimeOffset? ConfirmedAt, string? Batch = null,
    Requester? QueuedBy = null);
