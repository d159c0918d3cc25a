using Ferry.Binance.Tests.Support;

namespace Ferry.Binance.Tests;

/// <summary>
/// Code outside the client (the engine's leg descriptions, docs, tools) reads an endpoint's method, path and weights
/// from the public table instead of repeating them; these are the values it gets.
/// </summary>
public sealed class EndpointTableApiTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    public static TheoryData<string, string, int, int> TransferEndpoints => new()
    {
        { nameof(BinanceEndpoints.UniversalTransfer), "POST /sapi/v1/asset/transfer", 0, 300 },
        { nameof(BinanceEndpoints.SubAccountUniversalTransfer), "POST /sapi/v1/sub-account/universalTransfer", 1, 360 },
        { nameof(BinanceEndpoints.SubAccountMarginTransfer), "POST /sapi/v1/sub-account/margin/transfer", 1, 0 },
        { nameof(BinanceEndpoints.SubAccountFuturesTransfer), "POST /sapi/v1/sub-account/futures/transfer", 1, 0 },
        { nameof(BinanceEndpoints.ManagedSubAccountDeposit), "POST /sapi/v1/managed-subaccount/deposit", 1, 0 },
        { nameof(BinanceEndpoints.ManagedSubAccountWithdraw), "POST /sapi/v1/managed-subaccount/withdraw", 1, 0 },
    };

    [Theory]
    [MemberData(nameof(TransferEndpoints))]
    public void A_transfer_endpoint_names_its_method_path_and_weights(string name, string endpoint, int ipWeight, int uidWeight)
    {
        var row = Assert.Single(BinanceEndpoints.All, e => e.Name == name);

        Assert.Equal(endpoint, row.ToString());
        Assert.Equal(endpoint, $"{row.Method.Method} {row.Path}");
        Assert.Equal((ipWeight, uidWeight), (row.IpWeight, row.UidWeight));
    }

    [Fact]
    public void A_client_s_copy_of_the_table_carries_the_configured_weight()
    {
        var client = _clients.Hmac(o => o.UniversalTransferUidWeight = 900);

        var row = client.Endpoints[BinanceEndpoints.UniversalTransfer.Id];

        Assert.Equal((BinanceEndpoints.UniversalTransfer.Path, 900), (row.Path, row.UidWeight));
    }
}
