using System.Net;
using Ferry.Binance.Tests.Support;

namespace Ferry.Binance.Tests;

/// <summary>
/// The balance rows of the endpoint table (weights, permission, host, sources), and the budgets they are charged to:
/// /api shares 6000, each /sapi endpoint has its own 12000, /fapi and /dapi share 2400 each, apart from one another.
/// </summary>
public sealed class BalancesRateBudgetTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    public static TheoryData<string, string, int, BinanceHost> BalanceEndpoints => new()
    {
        { nameof(BinanceEndpoints.SpotAccount), "GET /api/v3/account", 20, BinanceHost.Spot },
        { nameof(BinanceEndpoints.UserAssets), "POST /sapi/v3/asset/getUserAsset", 5, BinanceHost.Spot },
        { nameof(BinanceEndpoints.FundingAssets), "POST /sapi/v1/asset/get-funding-asset", 1, BinanceHost.Spot },
        { nameof(BinanceEndpoints.WalletOverview), "GET /sapi/v1/asset/wallet/balance", 60, BinanceHost.Spot },
        { nameof(BinanceEndpoints.CrossMarginAccount), "GET /sapi/v1/margin/account", 10, BinanceHost.Spot },
        { nameof(BinanceEndpoints.IsolatedMarginAccount), "GET /sapi/v1/margin/isolated/account", 10, BinanceHost.Spot },
        { nameof(BinanceEndpoints.UsdmFuturesBalance), "GET /fapi/v3/balance", 5, BinanceHost.UsdmFutures },
        { nameof(BinanceEndpoints.UsdmFuturesAccount), "GET /fapi/v3/account", 5, BinanceHost.UsdmFutures },
        { nameof(BinanceEndpoints.CoinFuturesBalance), "GET /dapi/v1/balance", 1, BinanceHost.CoinFutures },
        { nameof(BinanceEndpoints.CoinFuturesAccount), "GET /dapi/v1/account", 5, BinanceHost.CoinFutures },
    };

    [Theory]
    [MemberData(nameof(BalanceEndpoints))]
    public void A_balance_row_names_its_weight_permission_host_and_source(string name, string endpoint, int ipWeight, BinanceHost host)
    {
        var row = Assert.Single(BinanceEndpoints.All, e => e.Name == name);

        Assert.Equal((endpoint, ipWeight, 0, KeyPermission.Reading, host, true), (row.ToString(), row.IpWeight, row.UidWeight, row.Permission, row.Host, row.Signed));
        Assert.False(string.IsNullOrWhiteSpace(row.Source));
    }

    [Fact]
    public void The_conflicting_sources_are_named_and_the_wallet_overview_permission_is_configurable()
    {
        Assert.Contains("CONFLICT", BinanceEndpoints.WalletOverview.Source, StringComparison.Ordinal);
        Assert.Contains("CONFLICT", BinanceEndpoints.UsdmFuturesAccount.Source, StringComparison.Ordinal);

        var strict = _clients.Hmac(o => o.WalletOverviewPermission = KeyPermission.UniversalTransfer);

        Assert.Equal(KeyPermission.UniversalTransfer, strict.Endpoints[BinanceEndpoints.WalletOverview.Id].Permission);
        Assert.Equal(KeyPermission.Reading, _clients.Hmac().Endpoints[BinanceEndpoints.WalletOverview.Id].Permission);
        Assert.Throws<ArgumentException>(() => new BinanceClientOptions { WalletOverviewPermission = KeyPermission.Futures }.Validate());
    }

    [Theory]
    [InlineData(0, 2400)]
    [InlineData(2400, 0)]
    [InlineData(-1, 2400)]
    public void Futures_budgets_must_be_positive(int usdm, int coin)
    {
        var options = new BinanceClientOptions { UsdmFuturesWeightPerMinute = usdm, CoinFuturesWeightPerMinute = coin };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.EndsWith("must be positive.", error.Message.Split(" (Parameter")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fapi_and_dapi_each_share_one_2400_budget_apart_from_api_and_sapi()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-account.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-spot-account.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-margin-account.json"));

        await client.Balances.UsdmFuturesBalanceAsync();
        await client.Balances.UsdmFuturesAccountAsync();
        await client.Balances.CoinFuturesBalanceAsync();
        await client.Balances.SpotAccountAsync();
        await client.Balances.CrossMarginAccountAsync();

        var usdm = client.Limiter.GetUsage(BinanceEndpoints.UsdmFuturesBalance);
        Assert.Equal((10, 2400), (usdm.IpUsed, usdm.IpLimit));
        Assert.Equal(10, client.Limiter.GetUsage(BinanceEndpoints.UsdmFuturesAccount).IpUsed);
        Assert.Equal((1, 2400), (client.Limiter.GetUsage(BinanceEndpoints.CoinFuturesAccount).IpUsed, client.Limiter.GetUsage(BinanceEndpoints.CoinFuturesAccount).IpLimit));
        // /api: the server-time call (1) and the spot account (20) share one budget.
        Assert.Equal((21, 6000), (client.Limiter.GetUsage(BinanceEndpoints.ServerTime).IpUsed, client.Limiter.GetUsage(BinanceEndpoints.SpotAccount).IpLimit));
        Assert.Equal((10, 12_000), (client.Limiter.GetUsage(BinanceEndpoints.CrossMarginAccount).IpUsed, client.Limiter.GetUsage(BinanceEndpoints.CrossMarginAccount).IpLimit));
        Assert.Equal(0, client.Limiter.GetUsage(BinanceEndpoints.IsolatedMarginAccount).IpUsed);
    }

    [Fact]
    public async Task The_futures_used_weight_header_raises_its_host_s_shared_budget_only()
    {
        var client = _clients.Hmac(o => o.UsdmFuturesWeightPerMinute = 100);
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-balance.json"), ("X-MBX-USED-WEIGHT-1M", "97"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-balance.json"), ("X-MBX-USED-WEIGHT-1M", "40"));

        await client.Balances.UsdmFuturesBalanceAsync();
        await client.Balances.CoinFuturesBalanceAsync();

        Assert.Equal(97, client.Limiter.GetUsage(BinanceEndpoints.UsdmFuturesAccount).IpUsed);
        Assert.Equal(40, client.Limiter.GetUsage(BinanceEndpoints.CoinFuturesAccount).IpUsed);
        Assert.Equal(1, client.Limiter.GetUsage(BinanceEndpoints.ServerTime).IpUsed);
    }

    [Fact]
    public async Task A_full_fapi_budget_holds_the_next_fapi_call_to_the_window_s_end_while_dapi_goes_at_once()
    {
        var client = _clients.Hmac(o => o.UsdmFuturesWeightPerMinute = 100);
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-balance.json"), ("X-MBX-USED-WEIGHT-1M", "99"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-account.json"));
        await client.Balances.UsdmFuturesBalanceAsync();

        var now = _clients.Time.GetUtcNow();
        var toWindowEnd = TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(now.ToUnixTimeMilliseconds() % 60_000);
        var pending = client.Balances.UsdmFuturesAccountAsync();
        await _clients.Time.WaitForTimerAsync(due => due == toWindowEnd);
        Assert.True((await client.Balances.CoinFuturesBalanceAsync()).IsDone);
        Assert.False(pending.IsCompleted);
        Assert.Equal(2, _clients.Handler.Calls.Count);

        _clients.Time.Advance(toWindowEnd);

        Assert.True((await pending).IsDone);
        Assert.Equal("/fapi/v3/account", _clients.Handler.Calls[2].Path);
        Assert.Equal(5, client.Limiter.GetUsage(BinanceEndpoints.UsdmFuturesBalance).IpUsed);
    }
}
