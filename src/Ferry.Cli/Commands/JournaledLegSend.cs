using Ferry.Binance;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>
/// Sends Binance legs the only way a command may: finish or resolve what a crashed run left, write the leg
/// to the journal before it is sent, and record what came back. A route goes the same way, leg by leg,
/// through <see cref="RouteExecutor"/>.
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
        var (entry, _) = await JournaledExecutor.ExecuteAsync(journal.Journal, BinanceLegReconciler.Describe(leg), async c =>
        {
            result = await TransferLegExecutor.ExecuteAsync(session.Client, leg, c);
            return Stated(result);
        }, ct);
        return (result ?? new LegResult(leg, OutcomeKind.Unknown, null, null, null, entry.Message ?? "the send failed unexpectedly; it may have executed"),
            entry.Id);
    }

    /// <summary>Runs a route: journals <paramref name="plan"/> as a new route, or continues the route
    /// <paramref name="routeId"/>; each leg goes out with the session of its account.</summary>
    public static async Task<(RouteResult Result, LegResult? Last)> RouteAsync(CliEnvironment env, Printer printer,
        IReadOnlyDictionary<string, BinanceSession> sessions, TransferPlan? plan, string? routeId, CancellationToken ct)
    {
        await using var journal = CliJournal.Open(env);
        foreach (var (name, session) in sessions) journal.Use(name, session.Client);
        await journal.RecoverAsync(printer, wait: true, ct);
        LegResult? last = null;
        RouteExecutor.LegSender send = async (leg, c) =>
        {
            last = await TransferLegExecutor.ExecuteAsync(Client(sessions, leg), leg, c);
            return Stated(last);
        };
        var reconciler = journal.Reconciler(wait: true, printer.Json);
        var result = routeId is null
            ? await RouteExecutor.ExecuteAsync(journal.Journal, plan!, send, reconciler, ct, env.Time)
            : await RouteExecutor.RunAsync(journal.Journal, routeId, send, reconciler, ct);
        return (result, last);
    }

    private static BinanceClient Client(IReadOnlyDictionary<string, BinanceSession> sessions, TransferLeg leg) =>
        sessions.TryGetValue(leg.AccountName, out var session) ? session.Client
            : throw new InvalidOperationException($"No session is open for account '{leg.AccountName}'.");

    private static LegSendResult Stated(LegResult r) => new(r.Kind, r.TransferId, r.TransferId, r.Error?.Code, r.Message);
}
