namespace Ferry.Core.Outcomes;

/// <summary>Success, with the exchange's answer.</summary>
public sealed record Done<T>(T Value) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Done;
    public override string Describe() => "done";
}
