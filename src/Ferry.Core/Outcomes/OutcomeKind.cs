namespace Ferry.Core.Outcomes;

/// <summary>The four cases of <see cref="Outcome{T}"/>.</summary>
public enum OutcomeKind
{
    /// <summary>Refused locally; nothing left the process.</summary>
    NotSent,
    /// <summary>The exchange answered with an error: it did not execute.</summary>
    Rejected,
    /// <summary>Success.</summary>
    Done,
    /// <summary>It may have executed (timeout after sending, 5xx, unreadable success body).</summary>
    Unknown,
}
