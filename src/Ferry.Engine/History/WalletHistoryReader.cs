using Ferry.Binance;
using Ferry.Binance.Margin;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.History;

/// <summary>Reads Binance's own transfer records into <see cref="TransferHistoryEntry"/> rows.</summary>
public static class WalletHistoryReader
{
    /// <summary>
    /// Every universal transfer of the selected types between <paramref name="start"/> and <paramref name="end"/>
    /// (GET /sapi/v1/asset/transfer needs one call per type). The first call that does not succeed ends the read.
    /// </summary>
    public static async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> UniversalTransfersAsync(BinanceClient client,
        IReadOnlyList<UniversalHistorySelection> selections, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var entries = new List<TransferHistoryEntry>();
        foreach (var selection in selections)
        {
            var query = new UniversalTransferHistoryQuery(selection.Type)
            {
                StartTime = start, EndTime = end, FromSymbol = selection.FromSymbol, ToSymbol = selection.ToSymbol,
            };
            var outcome = await client.Wallet.GetAllUniversalTransferHistoryAsync(query, ct).ConfigureAwait(false);
            if (outcome is not Done<IReadOnlyList<UniversalTransferRow>> done)
                return outcome.Map<IReadOnlyList<TransferHistoryEntry>>(_ => entries);
            entries.AddRange(done.Value.Select(row => new TransferHistoryEntry(
                "wallet", row.TranId, row.Timestamp, row.Type, row.Asset, row.Amount, row.Status)));
        }
        return new Done<IReadOnlyList<TransferHistoryEntry>>(entries);
    }

    /// <summary>Every cross-margin (or one isolated symbol's) transfer in the window (at most 30 days), all pages.</summary>
    public static async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> CrossMarginTransfersAsync(BinanceClient client,
        string? asset, string? isolatedSymbol, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var query = new CrossMarginTransferHistoryQuery { Asset = asset, IsolatedSymbol = isolatedSymbol, StartTime = start, EndTime = end };
        var outcome = await client.Margin.GetAllCrossMarginTransferHistoryAsync(query, ct).ConfigureAwait(false);
        return outcome.Map<IReadOnlyList<TransferHistoryEntry>>(rows => rows.Select(row => new TransferHistoryEntry(
            "margin", row.TxId, row.Timestamp, row.Type, row.Asset, row.Amount, row.Status,
            Side(row.TransFrom, row.FromSymbol), Side(row.TransTo, row.ToSymbol))).ToList());
    }

    private static string? Side(string? wallet, string? symbol) => symbol is null ? wallet : $"{wallet}:{symbol}";
}
