using System.Globalization;
using System.Net;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

public sealed class WalletApiTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public void All_33_types_have_their_exact_wire_names_and_round_trip()
    {
        string[] expected =
        [
            "MAIN_UMFUTURE", "MAIN_CMFUTURE", "MAIN_MARGIN", "UMFUTURE_MAIN", "UMFUTURE_MARGIN", "CMFUTURE_MAIN", "CMFUTURE_MARGIN",
            "MARGIN_MAIN", "MARGIN_UMFUTURE", "MARGIN_CMFUTURE", "ISOLATEDMARGIN_MARGIN", "MARGIN_ISOLATEDMARGIN",
            "ISOLATEDMARGIN_ISOLATEDMARGIN", "MAIN_FUNDING", "FUNDING_MAIN", "FUNDING_UMFUTURE", "UMFUTURE_FUNDING", "MARGIN_FUNDING",
            "FUNDING_MARGIN", "FUNDING_CMFUTURE", "CMFUTURE_FUNDING", "MAIN_OPTION", "OPTION_MAIN", "UMFUTURE_OPTION", "OPTION_UMFUTURE",
            "MARGIN_OPTION", "OPTION_MARGIN", "FUNDING_OPTION", "OPTION_FUNDING", "MAIN_PORTFOLIO_MARGIN", "PORTFOLIO_MARGIN_MAIN",
            "MAIN_ISOLATED_MARGIN", "ISOLATED_MARGIN_MAIN",
        ];

        Assert.Equal(33, UniversalTransferTypes.All.Count);
        Assert.Equal(expected, UniversalTransferTypes.All.Select(t => t.WireName()));
        foreach (var name in expected)
        {
            Assert.True(UniversalTransferTypes.TryParse(name, out var type));
            Assert.Equal(name, type.WireName());
        }
    }

    [Fact]
    public void Exactly_the_isolated_sources_and_targets_need_symbols()
    {
        Assert.Equal(["ISOLATEDMARGIN_MARGIN", "ISOLATEDMARGIN_ISOLATEDMARGIN", "ISOLATED_MARGIN_MAIN"],
            UniversalTransferTypes.All.Where(t => t.NeedsFromSymbol()).Select(t => t.WireName()));
        Assert.Equal(["MARGIN_ISOLATEDMARGIN", "ISOLATEDMARGIN_ISOLATEDMARGIN", "MAIN_ISOLATED_MARGIN"],
            UniversalTransferTypes.All.Where(t => t.NeedsToSymbol()).Select(t => t.WireName()));
    }

    [Fact]
    public async Task Paging_reads_every_page_and_keeps_each_transfer_once()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, Page(250, 1, 100))
            .Enqueue(HttpStatusCode.OK, Page(250, 100, 100)) // the history moved: row 100 appears again
            .Enqueue(HttpStatusCode.OK, Page(250, 200, 51));

        var outcome = await client.Wallet.GetAllUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.MainFunding));

        var rows = Assert.IsType<Done<IReadOnlyList<UniversalTransferRow>>>(outcome).Value;
        Assert.Equal(250, rows.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), rows.Select(r => r.TranId));
        var calls = _clients.Handler.Calls;
        Assert.Equal(3, calls.Count);
        Assert.Contains("&current=1&size=100&", calls[0].Query, StringComparison.Ordinal);
        Assert.Contains("&current=3&size=100&", calls[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_stops_at_the_first_page_that_is_not_done()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, Page(250, 1, 100)).Enqueue(HttpStatusCode.InternalServerError, "");

        var outcome = await client.Wallet.GetAllUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.MainFunding));

        Assert.Equal(500, Assert.IsType<Unknown<IReadOnlyList<UniversalTransferRow>>>(outcome).HttpStatus);
        Assert.Equal(2, _clients.Handler.Calls.Count);
    }

    private static string Page(int total, int firstId, int count)
    {
        var rows = Enumerable.Range(firstId, count).Select(id => string.Create(CultureInfo.InvariantCulture,
            $"{{\"asset\":\"USDT\",\"amount\":\"{id}.5\",\"type\":\"MAIN_FUNDING\",\"status\":\"CONFIRMED\",\"tranId\":{id},\"timestamp\":1544433328000}}"));
        return $"{{\"total\":{total},\"rows\":[{string.Join(",", rows)}]}}";
    }
}
