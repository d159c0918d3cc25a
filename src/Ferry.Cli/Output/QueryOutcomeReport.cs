using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ferry.Cli.Commands;
using Ferry.Cli.Sessions;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output;

/// <summary>
/// Prints one exchange call's outcome the way every query command does (the answer under <c>result</c>, or the
/// failure with the exchange's code) and returns the documented exit code.
/// </summary>
internal static class QueryOutcomeReport
{
    public static int Print<T>(Printer printer, SessionTarget target, Outcome<T> outcome, JsonTypeInfo<T> typeInfo, Action<T> render)
    {
        if (outcome is Done<T> done)
        {
            printer.Document(new JsonObject
            {
                ["target"] = PlanJson.Target(target),
                ["outcome"] = "done",
                ["result"] = JsonSerializer.SerializeToNode(done.Value, typeInfo),
            });
            render(done.Value);
            return ExitCodes.Ok;
        }

        var failure = new JsonObject { ["target"] = PlanJson.Target(target), ["outcome"] = PlanJson.OutcomeName(outcome.Kind), ["message"] = outcome.Describe() };
        if (outcome is Rejected<T> rejected) failure["error"] = PlanJson.Error(rejected.Error);
        printer.Document(failure);
        printer.Line(outcome.Kind switch
        {
            OutcomeKind.Rejected => $"Binance refused it: {outcome.Describe()}",
            OutcomeKind.Unknown => OutcomeText.Unknown(outcome.Describe()),
            _ => OutcomeText.NotSent(outcome.Describe()),
        });
        return outcome.Kind switch
        {
            OutcomeKind.Rejected => ExitCodes.Rejected,
            OutcomeKind.Unknown => ExitCodes.Unknown,
            _ => ExitCodes.ForNotSent((outcome as NotSent<T>)?.Reason),
        };
    }
}
