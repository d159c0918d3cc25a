using System.Net;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

public sealed class AdminTests : SimTestBase
{
    [Fact]
    public async Task Balances_lists_rows_with_string_amounts_and_symbol_only_when_isolated()
    {
        await TransferAsync("MAIN_FUNDING", "0.25", asset: "BTC");
        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/balances"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var rows = reply.Json.EnumerateArray().ToList();
        Assert.Equal(13, rows.Count);
        var isolated = rows.Single(r => r.GetProperty("wallet").GetString() == "ISOLATED_MARGIN" && r.GetProperty("symbol").GetString() == "BTCUSDT");
        Assert.Equal("100", isolated.GetProperty("amount").GetString());
        var btc = rows.Single(r => r.GetProperty("wallet").GetString() == "FUNDING" && r.GetProperty("asset").GetString() == "BTC");
        Assert.Equal("0.25", btc.GetProperty("amount").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, btc.GetProperty("symbol").ValueKind);
        Assert.Equal(TestScenario.Master, btc.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Balances_filters_by_owner()
    {
        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/balances?owner=alice%40example.com"));
        var row = Assert.Single(reply.Json.EnumerateArray());
        Assert.Equal("alice@example.com", row.GetProperty("owner").GetString());
        Assert.Equal("SPOT", row.GetProperty("wallet").GetString());
        Assert.Equal("500", row.GetProperty("amount").GetString());
        Assert.Single(Host.Balances("ALICE@example.com"));
    }

    [Fact]
    public async Task Totals_sum_every_wallet_of_every_user()
    {
        await TransferAsync("MAIN_UMFUTURE", "10");
        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/totals"));

        Assert.Equal("1410", reply.Json.GetProperty("USDT").GetString());
        Assert.Equal("0.5", reply.Json.GetProperty("BTC").GetString());
        Assert.Equal(1410m, Host.Totals()["USDT"]);
    }

    [Theory]
    [InlineData("GET", "sapi/v1/not-an-endpoint")]
    [InlineData("DELETE", "sapi/v1/asset/transfer")]
    [InlineData("GET", "")]
    public async Task Unknown_endpoints_are_404_with_a_body_that_says_so(string method, string path)
    {
        var reply = await SimReply.ReadAsync(await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)));
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Contains("does not serve", reply.Msg, StringComparison.Ordinal);
    }
}
