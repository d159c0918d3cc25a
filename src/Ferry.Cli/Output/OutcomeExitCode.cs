using Ferry.Core.Outcomes;

namespace Ferry.Cli.Output;

/// <summary>The documented exit code of a query's outcome: 0 done, 1 rejected, 3 unknown, else the not-sent reason's.</summary>
internal static class OutcomeExitCode
{
    public static int Of<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Done => ExitCodes.Ok,
        OutcomeKind.Rejected => ExitCodes.Rejected,
        OutcomeKind.Unknown => ExitCodes.Unknown,
        _ => ExitCodes.ForNotSent((outcome as NotSent<T>)?.Reason),
    };
}
