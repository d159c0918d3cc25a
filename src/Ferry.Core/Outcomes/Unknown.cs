namespace Ferry.Core.Outcomes;

/// <summary>
/// The request may have executed: only the transfer engine may act on this, by reconciling
/// against the exchange's history. Never retry a non-idempotent request on this outcome.
/// </summary>
public sealed record Unknown<T>(string Message, int? HttpStatus = null) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Unknown;
    public override string Describe() => Message;
}
