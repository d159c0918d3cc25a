using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Outcomes;
using Ferry.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>
/// Sends one Binance leg the only way a command may (issue #7): finish or resolve what a crashed run left, write the leg
/// to the journal before it is sent, and record what came back.
/// </summary>
internal static class JournaledLegSend
{
    public static async Task<(LegResult Result, string JournalId)> SendAsync(
        CliEnvironment env, Printer printer, BinanceSession session, string accountName, TransferLeg leg, CancellationToken ct)
    {
        await using var journal = CliJournal.Open(env);
        journal.Use(accountName, session.Client);
        await journal.RecoverAsync(printer, wait: true, ct);
        LegResult? result = null;
        var (entry, _) = await Journal.JournaledExecutor.ExecuteAsync(journal.Journal, Journal.BinanceLegReconciler.Describe(leg), async c =>
        {
            result = await TransferLegExecutor.ExecuteAsync(session.Client, leg, c);
            return new Journal.LegSendResult(result.Kind, result.TransferId, result.TransferId, result.Error?.Code, result.Message);
        }, ct);
        return (result ?? new LegResult(leg, OutcomeKind.Unknown, null, null, null, entry.Message ?? "the send failed unexpectedly; it may have executed"),
            entry.Id);
    }
}
