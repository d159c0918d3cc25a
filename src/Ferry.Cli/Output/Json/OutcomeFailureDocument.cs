using System.Text.Json.Serialization;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output.Json;

/// <summary>A call that did not end in done: the outcome, one sentence, and the exchange's error when it refused.</summary>
internal sealed record OutcomeFailureDocument(
    TargetDocument Target,
    string Outcome,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExchangeErrorDocument? Error)
{
    public static OutcomeFailureDocument For<T>(TargetDocument target, Outcome<T> outcome) =>
        new(target, OutcomeNames.Of(outcome.Kind), outcome.Describe(),
            outcome is Rejected<T> rejected ? ExchangeErrorDocument.From(rejected.Error) : null);
}
