using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output.Json;

/// <summary>The "outcome" values of the --json documents.</summary>
internal static class OutcomeNames
{
    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => "done",
        OutcomeKind.Rejected => "rejected",
        OutcomeKind.Unknown => "unknown",
        _ => "not-sent",
    };
}
