namespace Ferry.Engine.Audit;

/// <summary>What kind of decision an audit row records.</summary>
public enum AuditKind
{
    /// <summary>The policy allowed a move (with the rule, or the default); written with its first leg.</summary>
    Allowed,
    /// <summary>The policy blocked a move; nothing was journaled or sent.</summary>
    Blocked,
    /// <summary>A move needs approval and waits (or still waits) for it; nothing was sent.</summary>
    Waiting,
    /// <summary>An approver said yes (one row per approver).</summary>
    Approved,
    /// <summary>An approver said no.</summary>
    Denied,
    /// <summary>An approved move ran: its first leg was journaled under the approval (once).</summary>
    Executed,
}
