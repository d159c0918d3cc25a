namespace Ferry.Core.Outcomes;

/// <summary>Refused locally before anything was sent: validation, permission, rate budget, host.</summary>
public sealed record NotSent<T>(NotSentReason Reason, string Message) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.NotSent;
    public override string Describe() => Message;
}
