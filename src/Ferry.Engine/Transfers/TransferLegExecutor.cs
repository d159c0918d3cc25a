using System.Globalization;
using Ferry.Binance;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.Transfers;

/// <summary>What became of one leg: the outcome case, the exchange's id (text: txnId is a string on the legacy
/// endpoints, tranId a number elsewhere) or its error.</summary>
public sealed record LegResult(TransferLeg Leg, OutcomeKind Kind, string? TransferId, ExchangeError? Error, NotSentReason? NotSentReason, string Message)
{
    /// <summary>Builds the result from the client's outcome.</summary>
    public static LegResult From<T>(TransferLeg leg, Outcome<T> outcome, Func<T, string> transferId) => outcome switch
    {
        Done<T> done => new(leg, OutcomeKind.Done, transferId(done.Value), null, null, "done"),
        Rejected<T> rejected => new(leg, OutcomeKind.Rejected, null, rejected.Error, null, rejected.Error.ToString()),
        NotSent<T> notSent => new(leg, OutcomeKind.NotSent, null, null, notSent.Reason, notSent.Message),
        _ => new(leg, outcome.Kind, null, null, null, outcome.Describe()),
    };
}

/// <summary>
/// Sends one leg with the client of the leg's account, one branch per endpoint kind. It never resends: an unknown
/// outcome is returned as such, to be resolved against history (for a sub-account universal transfer, by its clientTranId).
/// </summary>
public static class TransferLegExecutor
{
    public static async Task<LegResult> ExecuteAsync(BinanceClient client, TransferLeg leg, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(leg);
        var api = client.SubAccount;
        return leg switch
        {
            WalletTransferLeg w => LegResult.From(leg, await client.Wallet.UniversalTransferAsync(w.Plan.ToRequest(), ct).ConfigureAwait(false), r => Id(r.TranId)),
            SubAccountUniversalTransferLeg u => LegResult.From(leg, await api.UniversalTransferAsync(u.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            SubAccountMarginTransferLeg m => LegResult.From(leg, await api.MarginTransferAsync(m.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountFuturesTransferLeg f => LegResult.From(leg, await api.FuturesTransferAsync(f.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountFuturesInternalTransferLeg i => LegResult.From(leg, await api.FuturesInternalTransferAsync(i.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountToMasterLeg s => LegResult.From(leg, await api.TransferToMasterAsync(s.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountToSubAccountLeg s => LegResult.From(leg, await api.TransferToSubAccountAsync(s.Request, ct).ConfigureAwait(false), r => r.TxnId),
            ManagedSubAccountDepositLeg d => LegResult.From(leg, await client.ManagedSubAccount.DepositAsync(d.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            ManagedSubAccountWithdrawLeg w => LegResult.From(leg, await client.ManagedSubAccount.WithdrawAsync(w.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            _ => throw new ArgumentOutOfRangeException(nameof(leg), leg.Kind, "No executor for this endpoint kind."),
        };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
