namespace Ferry.Core.Outcomes;

/// <summary>Why a request was refused before it was sent.</summary>
public enum NotSentReason
{
    /// <summary>A parameter was missing, malformed or out of range.</summary>
    InvalidInput,
    /// <summary>The key lacks a permission the endpoint needs.</summary>
    Permission,
    /// <summary>Waiting for rate-limit budget would take longer than allowed, or was cancelled.</summary>
    RateBudget,
    /// <summary>The base address is not an official host of the venue nor a loopback simulator.</summary>
    HostNotAllowed,
    /// <summary>The caller cancelled before anything was written to the network.</summary>
    Cancelled,
    /// <summary>The server clock could not be measured, so a signed request could not be timed.</summary>
    ClockUnavailable,
    /// <summary>The host could not be reached (connection refused, name not found) before any byte was written.</summary>
    Unreachable,
    /// <summary>The transfer policy refused the move (blocked, or it needs an approval); nothing was journaled.</summary>
    Policy,
}
