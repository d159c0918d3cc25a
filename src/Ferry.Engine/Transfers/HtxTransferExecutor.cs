using System.Globalization;
using Ferry.Engine.Journal;
using Ferry.Htx;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Sends one planned HTX leg and states the answer as a <see cref="LegSendResult"/>. HTX's answer id is not a ledger row
/// id, so no history id is recorded. It never resends: an unknown outcome is returned as such, to be resolved against the
/// ledger (design principle 3).
/// </summary>
public static class HtxTransferExecutor
{
    public static async Task<LegSendResult> ExecuteAsync(HtxClient client, HtxTransferPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var outcome = await client.Transfers.TransferAsync(plan.ToRequest(), ct).ConfigureAwait(false);
        return LegSendResult.From(outcome, r => r.TransferId.ToString(CultureInfo.InvariantCulture), idIsHistoryId: false);
    }
}
