using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Binance.Models.Balances;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Balances;

/// <summary>
/// The master account's own balances, one call per wallet (reference §5b): spot, funding, cross and isolated margin,
/// the per-wallet overview, and USDⓈ-M (fapi host) and COIN-M (dapi host) futures. All are signed reads needing only
/// "Reading"; every request is validated locally first (NotSent InvalidInput, nothing sent). A key without the permission
/// ends Rejected -2015, a margin account never opened Rejected -3003, an isolated one -11001 (the exchange's code and text).
/// </summary>
public sealed class AccountBalancesApi
{
    private readonly BinanceTransport _transport;

    internal AccountBalancesApi(BinanceTransport transport) => _transport = transport;

    /// <summary>GET /api/v3/account (IP 20, the shared /api budget): the spot wallet, every asset unless OmitZeroBalances.</summary>
    public Task<Outcome<SpotAccount>> SpotAccountAsync(SpotAccountQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SpotAccountQuery();
        return _transport.SendAsync(BinanceEndpoints.SpotAccount, query, query.RecvWindow,
            BinanceJsonContext.Default.SpotAccount, cancellationToken);
    }

    /// <summary>POST /sapi/v3/asset/getUserAsset (IP 5): the positive assets (a read, though sent as POST).</summary>
    public Task<Outcome<IReadOnlyList<UserAsset>>> UserAssetsAsync(AssetBalanceQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AssetBalanceQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.UserAssets, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListUserAsset, cancellationToken);
    }

    /// <summary>POST /sapi/v1/asset/get-funding-asset (IP 1): the funding wallet (a read, though sent as POST).</summary>
    public Task<Outcome<IReadOnlyList<FundingAsset>>> FundingAssetsAsync(AssetBalanceQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AssetBalanceQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.FundingAssets, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListFundingAsset, cancellationToken);
    }

    /// <summary>GET /sapi/v1/asset/wallet/balance (IP 60): one row per wallet, valued in QuoteAsset (default BTC).</summary>
    public Task<Outcome<IReadOnlyList<WalletOverviewRow>>> WalletOverviewAsync(WalletOverviewQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new WalletOverviewQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.WalletOverview, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListWalletOverviewRow, cancellationToken);
    }

    /// <summary>GET /sapi/v1/margin/account (IP 10): the cross-margin wallet.</summary>
    public Task<Outcome<CrossMarginAccount>> CrossMarginAccountAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.CrossMarginAccount, NoParameters.Instance, null,
            BinanceJsonContext.Default.CrossMarginAccount, cancellationToken);

    /// <summary>GET /sapi/v1/margin/isolated/account (IP 10): isolated pairs; more than five symbols is refused locally.</summary>
    public Task<Outcome<IsolatedMarginAccount>> IsolatedMarginAccountAsync(IsolatedMarginAccountQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new IsolatedMarginAccountQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.IsolatedMarginAccount, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IsolatedMarginAccount, cancellationToken);
    }

    /// <summary>GET /fapi/v3/balance on the USDⓈ-M host (weight 5 of its shared 2400): one row per asset.</summary>
    public Task<Outcome<IReadOnlyList<UsdmFuturesBalance>>> UsdmFuturesBalanceAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.UsdmFuturesBalance, NoParameters.Instance, null,
            BinanceJsonContext.Default.IReadOnlyListUsdmFuturesBalance, cancellationToken);

    /// <summary>GET /fapi/v3/account on the USDⓈ-M host (weight 5): totals, assets and positions (what ccxt's fetchBalance reads).</summary>
    public Task<Outcome<UsdmFuturesAccount>> UsdmFuturesAccountAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.UsdmFuturesAccount, NoParameters.Instance, null,
            BinanceJsonContext.Default.UsdmFuturesAccount, cancellationToken);

    /// <summary>GET /dapi/v1/balance on the COIN-M host (weight 1 of its shared 2400): one row per coin.</summary>
    public Task<Outcome<IReadOnlyList<CoinFuturesBalance>>> CoinFuturesBalanceAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.CoinFuturesBalance, NoParameters.Instance, null,
            BinanceJsonContext.Default.IReadOnlyListCoinFuturesBalance, cancellationToken);

    /// <summary>GET /dapi/v1/account on the COIN-M host (weight 5): assets and positions (what ccxt's fetchBalance reads).</summary>
    public Task<Outcome<CoinFuturesAccount>> CoinFuturesAccountAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.CoinFuturesAccount, NoParameters.Instance, null,
            BinanceJsonContext.Default.CoinFuturesAccount, cancellationToken);
}
