using System.Globalization;
using Ferry.Binance;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Sends one Binance leg with the client of the leg's account, one branch per endpoint kind, and states the answer as a
/// <see cref="LegSendResult"/>. Binance's history lists a transfer under the id its answer returned, so that id is also
/// the history id. It never resends: an unknown outcome is returned as such, to be resolved against history (for a
/// sub-account universal transfer, by its clientTranId).
/// </summary>
public static class TransferLegExecutor
{
    public static async Task<LegSendResult> ExecuteAsync(BinanceClient client, TransferLeg leg, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(leg);
        var api = client.SubAccount;
        return leg switch
        {
            WalletTransferLeg w => Stated(await client.Wallet.UniversalTransferAsync(w.Plan.ToRequest(), ct).ConfigureAwait(false), r => Id(r.TranId)),
            SubAccountUniversalTransferLeg u => Stated(await api.UniversalTransferAsync(u.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            SubAccountMarginTransferLeg m => Stated(await api.MarginTransferAsync(m.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountFuturesTransferLeg f => Stated(await api.FuturesTransferAsync(f.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountFuturesInternalTransferLeg i => Stated(await api.FuturesInternalTransferAsync(i.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountToMasterLeg s => Stated(await api.TransferToMasterAsync(s.Request, ct).ConfigureAwait(false), r => r.TxnId),
            SubAccountToSubAccountLeg s => Stated(await api.TransferToSubAccountAsync(s.Request, ct).ConfigureAwait(false), r => r.TxnId),
            ManagedSubAccountDepositLeg d => Stated(await client.ManagedSubAccount.DepositAsync(d.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            ManagedSubAccountWithdrawLeg w => Stated(await client.ManagedSubAccount.WithdrawAsync(w.Request, ct).ConfigureAwait(false), r => Id(r.TranId)),
            _ => throw new ArgumentOutOfRangeException(nameof(leg), leg.Kind, "No executor for this endpoint kind."),
        };
    }

    private static LegSendResult Stated<T>(Core.Outcomes.Outcome<T> outcome, Func<T, string> id) => LegSendResult.From(outcome, id, idIsHistoryId: true);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
