using System.Net;
using Ferry.Binance.Margin;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Http;

namespace Ferry.Binance.Tests;

/// <summary>A request's public list of wire parameters is the decoded form of the bytes it sends.</summary>
public sealed class WireParametersTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task The_list_is_what_goes_on_the_wire_decoded()
    {
        var request = new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 12.50m)
        {
            ToEmail = "alice+ops@example.com", ClientTranId = "a&b=c%d~",
        };
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}");

        await _clients.Hmac().SubAccount.UniversalTransferAsync(request);

        Assert.Equal(
            [new("toEmail", "alice+ops@example.com"), new("fromAccountType", "SPOT"), new("toAccountType", "USDT_FUTURE"),
             new("clientTranId", "a&b=c%d~"), new("asset", "USDT"), new("amount", "12.5")],
            ((IWireRequest)request).WireParameters());
        var body = Assert.Single(_clients.Handler.Calls).Body!;
        Assert.StartsWith("toEmail=alice%2Bops%40example.com&fromAccountType=SPOT&toAccountType=USDT_FUTURE&clientTranId=a%26b%3Dc%25d~&asset=USDT&amount=12.5&", body);
    }

    [Fact]
    public void A_query_lists_its_filters_and_a_time_as_epoch_milliseconds()
    {
        IWireRequest query = new CrossMarginTransferHistoryQuery { Asset = "BTC", StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000) };

        var parameters = query.WireParameters();

        Assert.Contains(new KeyValuePair<string, string>("asset", "BTC"), parameters);
        Assert.Contains(new KeyValuePair<string, string>("startTime", "1700000000000"), parameters);
    }
}
