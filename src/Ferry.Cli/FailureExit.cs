using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Cli;

/// <summary>
/// What a failed command becomes: a documented exit code (docs/cli.md) and one sentence. Kept out of
/// <see cref="FerryApp"/> so that compiling its start-up path names no engine type: <c>ferry --help</c> loads no engine,
/// simulator, SQLite or ASP.NET assembly, and a command loads them only when it fails or needs them.
/// </summary>
internal static class FailureExit
{
    /// <summary>The exit code and sentence for <paramref name="e"/>; <paramref name="ct"/> tells an interruption apart.</summary>
    public static (int ExitCode, string Message) Of(Exception e, CancellationToken ct) => e switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        ClaimHeldException or RoutePositionTakenException => (ExitCodes.InUse, e.Message),
        // A lost claim refuses the write that followed a send: another ferry now owns the entry and reconciles it.
        ClaimLostException => (ExitCodes.Unknown, e.Message),
        JournalCorruptException or JournalUnavailableException or TransferRefusedException => (ExitCodes.Refused, e.Message),
        AccountConfigException => (ExitCodes.Refused, e.Message),
        // The transfer policy refused the move before anything was journaled; a policy file that cannot be read is bad input.
        Ferry.Engine.Policy.PolicyRefusedException => (ExitCodes.Refused, e.Message),
        Ferry.Engine.Policy.PolicyFileException { Unreadable: true } => (ExitCodes.Refused, e.Message),
        Ferry.Engine.Policy.PolicyFileException => (ExitCodes.BadInput, e.Message),
        // An approve or deny that was refused (four eyes, replay, expiry, altered payload) wrote nothing; an unknown id is bad input.
        Ferry.Engine.Approvals.ApprovalRefusedException { UnknownId: true } => (ExitCodes.BadInput, e.Message),
        Ferry.Engine.Approvals.ApprovalRefusedException => (ExitCodes.Refused, e.Message),
        TransferPlanningException or FormatException => (ExitCodes.BadInput, e.Message),
        _ when EnvironmentFailure.Describe(e) is { } sentence => (ExitCodes.Refused, sentence),
        OperationCanceledException when ct.IsCancellationRequested =>
            (ExitCodes.Interrupted, "Interrupted; a move already sent is recorded in the exchange's history, so check 'ferry history'."),
        // A bug: say what kind, never dump a stack trace that could carry request data.
        _ => (ExitCodes.Internal, $"Unexpected internal error ({e.GetType().Name}): {e.Message}"),
    };
}
