namespace Ferry.Engine.Approvals;

/// <summary>Where an approval request stands. Waiting and approved are open (at most one open request per payload);
/// the other three are final.</summary>
public enum ApprovalState
{
    /// <summary>Journaled, waiting for enough approvals.</summary>
    Waiting,
    /// <summary>Enough distinct approvers said yes; the next run of the same move uses it.</summary>
    Approved,
    /// <summary>An approver said no; the move does not run under it.</summary>
    Denied,
    /// <summary>Used: the approved move's first leg was journaled (once).</summary>
    Executed,
    /// <summary>Its time ran out before it was used.</summary>
    Expired,
}
