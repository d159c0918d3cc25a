using Ferry.Htx;
using Ferry.Htx.Accounts;
using Ferry.Htx.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.History;

/// <summary>
/// Reads HTX's spot ⇄ USDT-margined swap transfers from the spot account ledger (<c>GET /v2/account/ledger</c>,
/// transactTypes=transfer), the source chosen for reconciliation (src/Ferry.Htx/README.md says why).
/// </summary>
public static class HtxHistoryReader
{
    /// <summary>The ledger's transfer types of the spot ⇄ USDT-margined swap transfer.</summary>
    public static readonly IReadOnlySet<string> SpotSwapTypes = new HashSet<string>(StringComparer.Ordinal) { "spot-to-linear-swap", "linear-swap-to-spot" };

    /// <summary>How far back HTX keeps ledger records.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    /// <summary>
    /// Every spot ⇄ swap transfer between <paramref name="start"/> and <paramref name="end"/> (at most 180 days), newest
    /// first: the spot account id from GET /v1/account/accounts, then one ledger read per 10-day window. The first call
    /// that does not succeed ends the read with its outcome.
    /// </summary>
    public static async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> SpotSwapTransfersAsync(HtxClient client, string? asset,
        DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var accounts = await client.Accounts.GetAccountsAsync(ct).ConfigureAwait(false);
        if (accounts is not Done<IReadOnlyList<HtxAccount>> found)
            return accounts.Map<IReadOnlyList<TransferHistoryEntry>>(_ => []);
        var spot = found.Value.FirstOrDefault(a => a.Type == "spot");
        if (spot is null)
            return new Done<IReadOnlyList<TransferHistoryEntry>>([]);

        var entries = new List<TransferHistoryEntry>();
        for (var windowEnd = end; windowEnd > start; windowEnd -= AccountLedgerQuery.MaxWindow)
        {
            var windowStart = windowEnd - AccountLedgerQuery.MaxWindow < start ? start : windowEnd - AccountLedgerQuery.MaxWindow;
            var query = new AccountLedgerQuery { AccountId = spot.Id, Currency = asset, StartTime = windowStart, EndTime = windowEnd, Limit = 500 };
            var page = await client.Accounts.GetAllLedgerAsync(query, ct).ConfigureAwait(false);
            if (page is not Done<IReadOnlyList<HtxLedgerRow>> rows)
                return page.Map<IReadOnlyList<TransferHistoryEntry>>(_ => entries);
            entries.AddRange(rows.Value.Where(r => r.TransferType is not null && SpotSwapTypes.Contains(r.TransferType)).Select(ToEntry));
        }

        return new Done<IReadOnlyList<TransferHistoryEntry>>(entries
            .DistinctBy(e => (e.TransferId, e.Time, e.Type, e.Amount))
            .OrderByDescending(e => e.Time).ThenByDescending(e => e.TransferId).ToList());
    }

    /// <summary>A ledger row as a history entry: the amount without its sign, the direction in From/To.</summary>
    public static TransferHistoryEntry ToEntry(HtxLedgerRow row)
    {
        var intoSwap = row.TransferType == "spot-to-linear-swap";
        return new TransferHistoryEntry("htx-ledger", row.TransactId, row.TransactTime, row.TransferType ?? row.TransactType,
            row.Currency.ToUpperInvariant(), Math.Abs(row.TransactAmt), "BOOKED", intoSwap ? "htx:spot" : "htx:swap", intoSwap ? "htx:swap" : "htx:spot");
    }
}
