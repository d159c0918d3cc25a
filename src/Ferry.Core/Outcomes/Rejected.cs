namespace Ferry.Core.Outcomes;

/// <summary>The exchange answered with an error code; the request did not execute.</summary>
public sealed record Rejected<T>(ExchangeError Error) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Rejected;
    public override string Describe() => Error.ToString();
}
