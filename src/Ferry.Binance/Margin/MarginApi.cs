using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Margin;

/// <summary>Margin endpoints: the cross-margin transfer history.</summary>
public sealed class MarginApi
{
    private readonly BinanceTransport _transport;

    internal MarginApi(BinanceTransport transport) => _transport = transport;

    /// <summary>GET /sapi/v1/margin/transfer: one page, newest first. Validated locally first (NotSent InvalidInput).</summary>
    public Task<Outcome<MarginTransferPage>> GetCrossMarginTransferHistoryAsync(
        CrossMarginTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.CrossMarginTransferHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.MarginTransferPage, cancellationToken);
    }

    /// <summary>
    /// Reads every page of <paramref name="query"/> (100 rows per page unless Size says otherwise) from its
    /// Current page on, each transfer once.
    /// </summary>
    public Task<Outcome<IReadOnlyList<MarginTransferRow>>> GetAllCrossMarginTransferHistoryAsync(
        CrossMarginTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = query.Size ?? 100;
        return HistoryPager.ReadAllAsync(query.Current ?? 1, size,
            page => GetCrossMarginTransferHistoryAsync(query with { Current = page, Size = size }, cancellationToken),
            page => page.Rows, page => page.Total, row => row.TxId);
    }
}
