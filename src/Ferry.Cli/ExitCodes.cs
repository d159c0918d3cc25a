namespace Ferry.Cli;

/// <summary>The documented exit codes of <c>ferry</c> (docs/cli.md lists them).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The exchange answered with an error: nothing executed.</summary>
    public const int Rejected = 1;
    /// <summary>Bad input (arguments, options, addresses, amounts): nothing was sent.</summary>
    public const int BadInput = 2;
    /// <summary>The outcome is unknown: the move may have happened; check history before retrying.</summary>
    public const int Unknown = 3;
    /// <summary>Refused locally for another reason (configuration, consent, key host, rate budget): nothing was sent.</summary>
    public const int Refused = 4;
    /// <summary>Another ferry process is working on the same route or journal entry right now: nothing was sent; try
    /// again once it has finished.</summary>
    public const int InUse = 5;
    /// <summary>Interrupted by the user.</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected internal error (a bug): reported in one sentence, never a stack trace.</summary>
    public const int Internal = 70;

    /// <summary>The error kind of an exit code, as --json and MCP tool errors name it.</summary>
    public static string ErrorKind(int exitCode) => exitCode switch
    {
        Rejected => "rejected",
        BadInput => "bad-input",
        Unknown => "unknown",
        Refused => "refused",
        InUse => "in-use",
        Interrupted => "interrupted",
        _ => "internal",
    };

    /// <summary>The exit code for a request the client refused to send.</summary>
    public static int ForNotSent(Ferry.Core.Outcomes.NotSentReason? reason) => reason switch
    {
        Ferry.Core.Outcomes.NotSentReason.InvalidInput => BadInput,
        Ferry.Core.Outcomes.NotSentReason.Cancelled => Interrupted,
        _ => Refused,
    };
}
