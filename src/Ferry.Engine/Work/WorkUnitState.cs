namespace Ferry.Engine.Work;

/// <summary>Where a queued unit stands. Queued and running units are live; the other three are final.</summary>
public enum WorkUnitState
{
    /// <summary>Waiting for a worker (new, or handed back).</summary>
    Queued,
    /// <summary>Held by a worker under a lease.</summary>
    Running,
    /// <summary>The move executed: every leg is done.</summary>
    Done,
    /// <summary>The move did not execute and the queue will not try again (rejected by the exchange, refused here, or
    /// a mainnet move nobody confirmed); the money stayed in the move's source or in a route's intermediate wallet.</summary>
    Failed,
    /// <summary>A leg's outcome stayed unknown after reconciliation (e.g. an ambiguous history): a person decides, with
    /// <c>ferry journal show</c> and <c>ferry journal reconcile</c>.</summary>
    Unknown,
}
