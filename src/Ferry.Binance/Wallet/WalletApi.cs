using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Wallet;

/// <summary>Wallet endpoints: the user universal transfer between the caller's own wallets, and its history.</summary>
public sealed class WalletApi
{
    private readonly BinanceTransport _transport;
    private readonly BinanceClientOptions _options;

    internal WalletApi(BinanceTransport transport, BinanceClientOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>POST /sapi/v1/asset/transfer. Validated locally first (NotSent InvalidInput); never resent on Unknown.</summary>
    public Task<Outcome<UniversalTransferResult>> UniversalTransferAsync(
        UniversalTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.UniversalTransfer, request, request.Validate(_options.MaxAmountDecimalPlaces), request.RecvWindow,
            BinanceJsonContext.Default.UniversalTransferResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/asset/transfer: one page of history (the reconciliation source for universal transfers).</summary>
    public Task<Outcome<UniversalTransferPage>> GetUniversalTransferHistoryAsync(
        UniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.UniversalTransferHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.UniversalTransferPage, cancellationToken);
    }

    /// <summary>
    /// Reads every page of <paramref name="query"/> (100 rows per page unless Size says otherwise) from its
    /// Current page on; rows seen twice because the history moved while paging are kept once. The first page
    /// that does not end Done ends the whole read with that outcome.
    /// </summary>
    public Task<Outcome<IReadOnlyList<UniversalTransferRow>>> GetAllUniversalTransferHistoryAsync(
        UniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = query.Size ?? 100;
        return HistoryPager.ReadAllAsync(query.Current ?? 1, size,
            page => GetUniversalTransferHistoryAsync(query with { Current = page, Size = size }, cancellationToken),
            page => page.Rows, page => page.Total, row => row.TranId);
    }
}
