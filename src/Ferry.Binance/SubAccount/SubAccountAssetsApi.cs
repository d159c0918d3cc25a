using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.SubAccount;

/// <summary>
/// Sub-account balance and position queries for a master key: spot assets (v3 numbers, v4 strings), spot and
/// margin summaries, futures accounts and summaries (v1 USDⓈ-M; v2 by futuresType), position risk and position moves.
/// Every request is validated locally first (NotSent InvalidInput, nothing sent).
/// </summary>
public sealed partial class SubAccountAssetsApi
{
    private readonly BinanceTransport _transport;

    internal SubAccountAssetsApi(BinanceTransport transport) => _transport = transport;

    /// <summary>GET /sapi/v3/sub-account/assets (UID 60): spot balances as JSON numbers.</summary>
    public Task<Outcome<SubAccountAssetsV3>> GetAssetsV3Async(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountAssetsV3, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountAssetsV3, cancellationToken);
    }

    /// <summary>GET /sapi/v4/sub-account/assets (UID 60): spot balances as JSON strings.</summary>
    public Task<Outcome<SubAccountAssetsV4>> GetAssetsV4Async(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountAssetsV4, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountAssetsV4, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/spotSummary: one page of BTC-valued spot wallets.</summary>
    public Task<Outcome<SubAccountSpotSummary>> GetSpotSummaryAsync(SubAccountSpotSummaryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SubAccountSpotSummaryQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountSpotSummary, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountSpotSummary, cancellationToken);
    }

    /// <summary>Every page of the spot summary (20 per request); the rows of all pages under the first page's totals.</summary>
    public async Task<Outcome<SubAccountSpotSummary>> GetFullSpotSummaryAsync(SubAccountSpotSummaryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SubAccountSpotSummaryQuery();
        var rows = new List<SubAccountSpotSummaryRow>();
        for (var page = 1; page <= HistoryPager.MaxPages; page++)
        {
            var outcome = await GetSpotSummaryAsync(query with { Page = page, Size = SubAccountSpotSummaryQuery.MaxSize }, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<SubAccountSpotSummary> done) return outcome;
            rows.AddRange(done.Value.SpotSubUserAssetBtcVoList);
            if (done.Value.SpotSubUserAssetBtcVoList.Count < SubAccountSpotSummaryQuery.MaxSize || rows.Count >= done.Value.TotalCount)
            {
                return new Done<SubAccountSpotSummary>(done.Value with { SpotSubUserAssetBtcVoList = rows });
            }
        }
        return new Unknown<SubAccountSpotSummary>($"The spot summary has more than {HistoryPager.MaxPages} pages.");
    }

    /// <summary>GET /sapi/v1/sub-account/margin/account (IP 10).</summary>
    public Task<Outcome<SubAccountMarginAccount>> GetMarginAccountAsync(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountMarginAccount, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountMarginAccount, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/margin/accountSummary (IP 10).</summary>
    public Task<Outcome<SubAccountMarginSummary>> GetMarginSummaryAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.SubAccountMarginSummary, NoParameters.Instance, null,
            BinanceJsonContext.Default.SubAccountMarginSummary, cancellationToken);

    /// <summary>GET /sapi/v1/sub-account/futures/account (IP 10): the USDⓈ-M account.</summary>
    public Task<Outcome<SubAccountFuturesAccount>> GetFuturesAccountAsync(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesAccount, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.SubAccountFuturesAccount, cancellationToken);
    }

    /// <summary>GET /sapi/v2/sub-account/futures/account (IP 1). An answer without the envelope of the requested type is Unknown.</summary>
    public async Task<Outcome<SubAccountFuturesAccountV2>> GetFuturesAccountV2Async(SubAccountFuturesAccountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = await _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesAccountV2, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountFuturesAccountV2, cancellationToken).ConfigureAwait(false);
        return outcome is Done<SubAccountFuturesAccountV2> done
               && (query.FuturesType == FuturesType.UsdtMargined ? done.Value.FutureAccountResp : done.Value.DeliveryAccountResp) is null
            ? new Unknown<SubAccountFuturesAccountV2>(
                $"{BinanceEndpoints.SubAccountFuturesAccountV2} answered without {(query.FuturesType == FuturesType.UsdtMargined ? "futureAccountResp" : "deliveryAccountResp")}.")
            : outcome;
    }

    /// <summary>GET /sapi/v1/sub-account/futures/accountSummary (IP 1): USDⓈ-M totals in USD.</summary>
    public Task<Outcome<SubAccountFuturesSummary>> GetFuturesSummaryAsync(SubAccountFuturesSummaryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query = (query ?? new SubAccountFuturesSummaryQuery()) with { SendFuturesType = false };
        var problem = query.FuturesType == FuturesType.UsdtMargined ? query.Validate() : "The v1 futures summary covers USDⓈ-M only; use the v2 call for COIN-M.";
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesSummary, query, problem, query.RecvWindow,
            BinanceJsonContext.Default.SubAccountFuturesSummary, cancellationToken);
    }

    /// <summary>GET /sapi/v2/sub-account/futures/accountSummary (IP 10). An answer without the envelope of the requested type is Unknown.</summary>
    public async Task<Outcome<SubAccountFuturesSummaryV2>> GetFuturesSummaryV2Async(SubAccountFuturesSummaryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query = query with { SendFuturesType = true };
        var outcome = await _transport.SendIfValidAsync(BinanceEndpoints.SubAccountFuturesSummaryV2, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountFuturesSummaryV2, cancellationToken).ConfigureAwait(false);
        return outcome is Done<SubAccountFuturesSummaryV2> done
               && (query.FuturesType == FuturesType.UsdtMargined ? (object?)done.Value.FutureAccountSummaryResp : done.Value.DeliveryAccountSummaryResp) is null
            ? new Unknown<SubAccountFuturesSummaryV2>(
                $"{BinanceEndpoints.SubAccountFuturesSummaryV2} answered without {(query.FuturesType == FuturesType.UsdtMargined ? "futureAccountSummaryResp" : "deliveryAccountSummaryResp")}.")
            : outcome;
    }
}
