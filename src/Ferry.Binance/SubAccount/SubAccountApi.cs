using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.SubAccount;

/// <summary>
/// Sub-account transfers and their histories. "Master" methods need the master's key, "sub-account" methods a
/// sub-account's own key. Every request is validated locally first (NotSent InvalidInput) and never resent.
/// </summary>
public sealed class SubAccountApi
{
    private readonly BinanceTransport _transport;
    private readonly BinanceClientOptions _options;

    internal SubAccountApi(BinanceTransport transport, BinanceClientOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>POST /sapi/v1/sub-account/universalTransfer (master): between any two family accounts, with the
    /// request's clientTranId; answers the numeric tranId. On Unknown, look the transfer up with
    /// <see cref="FindUniversalTransferAsync"/> and the same clientTranId before doing anything else.</summary>
    public Task<Outcome<SubAccountUniversalTransferResult>> UniversalTransferAsync(
        SubAccountUniversalTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountUniversalTransfer, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountUniversalTransferResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/universalTransfer (master): one page of history.</summary>
    public Task<Outcome<SubAccountUniversalTransferPage>> GetUniversalTransferHistoryAsync(
        SubAccountUniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountUniversalTransferHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountUniversalTransferPage, cancellationToken);
    }

    /// <summary>Every page of <paramref name="query"/> from its Page on (500 rows per page unless Limit says otherwise), each transfer once.</summary>
    public Task<Outcome<IReadOnlyList<SubAccountUniversalTransferRow>>> GetAllUniversalTransferHistoryAsync(
        SubAccountUniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? 500;
        return HistoryPager.ReadAllAsync(query.Page ?? 1, limit,
            page => GetUniversalTransferHistoryAsync(query with { Page = page, Limit = limit }, cancellationToken),
            page => page.Result, page => page.TotalCount, row => row.TranId);
    }

    /// <summary>
    /// Looks a universal transfer up by the clientTranId it was sent with (GET sub-account/universalTransfer with
    /// <c>clientTranId</c>): Done with the row, or Done with null when the exchange lists none in the window (by default
    /// Binance's last 7 days). <paramref name="fromEmail"/> is the transfer's source (null = the master), since the
    /// history lists one source at a time.
    /// </summary>
    public async Task<Outcome<SubAccountUniversalTransferRow?>> FindUniversalTransferAsync(
        string clientTranId, string? fromEmail = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientTranId);
        var query = new SubAccountUniversalTransferHistoryQuery
        {
            ClientTranId = clientTranId, FromEmail = fromEmail, StartTime = startTime, EndTime = endTime,
        };
        var outcome = await GetUniversalTransferHistoryAsync(query, cancellationToken).ConfigureAwait(false);
        return outcome.Map(page => page.Result.FirstOrDefault(row => row.ClientTranId == clientTranId));
    }

    /// <summary>POST /sapi/v1/sub-account/margin/transfer (master): a sub-account's spot ↔ cross margin; txnId is a string.</summary>
    public Task<Outcome<SubAccountTransferResult>> MarginTransferAsync(
        SubAccountMarginTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountMarginTransfer, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountTransferResult, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/futures/transfer (master): a sub-account's spot ↔ futures; txnId is a string.</summary>
    public Task<Outcome<SubAccountTransferResult>> FuturesTransferAsync(
        SubAccountFuturesTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesTransfer, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountTransferResult, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/futures/internalTransfer (master): futures wallet to futures wallet between two family accounts.</summary>
    public Task<Outcome<SubAccountFuturesInternalTransferResult>> FuturesInternalTransferAsync(
        SubAccountFuturesInternalTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesInternalTransfer, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountFuturesInternalTransferResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/futures/internalTransfer (master): one page of one account's futures internal transfers.</summary>
    public Task<Outcome<SubAccountFuturesInternalTransferPage>> GetFuturesInternalTransferHistoryAsync(
        SubAccountFuturesInternalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesInternalTransferHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountFuturesInternalTransferPage, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/transfer/subToMaster (sub-account key): the caller's spot to the master's spot.</summary>
    public Task<Outcome<SubAccountTransferResult>> TransferToMasterAsync(
        SubAccountToMasterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountToMaster, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountTransferResult, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/transfer/subToSub (sub-account key): the caller's spot to a sibling's spot.</summary>
    public Task<Outcome<SubAccountTransferResult>> TransferToSubAccountAsync(
        SubAccountToSubAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountToSubAccount, request, request.Validate(_options.MaxAmountDecimalPlaces),
            request.RecvWindow, BinanceJsonContext.Default.SubAccountTransferResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/transfer/subUserHistory (sub-account key): the caller's transfers in or out (an array).</summary>
    public Task<Outcome<IReadOnlyList<SubAccountUserTransferRow>>> GetUserTransferHistoryAsync(
        SubAccountUserHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountUserHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListSubAccountUserTransferRow, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/sub/transfer/history (master): spot transfers between family accounts (an array).</summary>
    public Task<Outcome<IReadOnlyList<SubAccountSpotTransferRow>>> GetSpotTransferHistoryAsync(
        SubAccountSpotTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountSpotTransferHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListSubAccountSpotTransferRow, cancellationToken);
    }
}
