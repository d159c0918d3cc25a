using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ferry.Cli.Output.Json;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output;

/// <summary>
/// Prints one exchange call's outcome the way every query command does (the answer under <c>result</c>, or the
/// failure with the exchange's code) and returns the documented exit code.
/// </summary>
internal static class QueryOutcomeReport
{
    public static int Print<T>(Printer printer, TargetDocument target, Outcome<T> outcome, JsonTypeInfo<T> typeInfo, Action<T> render)
    {
        if (outcome is Done<T> done)
        {
            printer.Document(new QueryAnswerDocument(target, "done", JsonSerializer.SerializeToElement(done.Value, typeInfo)),
                CliJsonContext.Default.QueryAnswerDocument);
            render(done.Value);
            return ExitCodes.Ok;
        }

        printer.Document(OutcomeFailureDocument.For(target, outcome), CliJsonContext.Default.OutcomeFailureDocument);
        printer.Line(outcome.Kind switch
        {
            OutcomeKind.Rejected => $"Binance refused it: {outcome.Describe()}",
            OutcomeKind.Unknown => OutcomeText.Unknown(outcome.Describe()),
            _ => OutcomeText.NotSent(outcome.Describe()),
        });
        return OutcomeExitCode.Of(outcome);
    }
}
