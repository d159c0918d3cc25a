using System.Globalization;
using System.Net;
using System.Text.Json;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

public sealed class HistoryTests : SimTestBase
{
    private static string Ms(long ms) => ms.ToString(CultureInfo.InvariantCulture);

    private Task<SimReply> UniversalAsync(params (string, string)[] ps) =>
        SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", ps, TestScenario.HmacAll);

    private Task<SimReply> MarginAsync(params (string, string)[] ps) =>
        SignedAsync(HttpMethod.Get, "sapi/v1/margin/transfer", ps, TestScenario.HmacAll);

    private static List<JsonElement> Rows(SimReply reply) => [.. reply.Json.GetProperty("rows").EnumerateArray()];

    [Fact]
    public async Task Universal_history_lists_rows_of_the_type_newest_first()
    {
        var ids = new List<long>();
        foreach (var amount in new[] { "1", "2.5", "3" })
        {
            ids.Add((await TransferAsync("MAIN_UMFUTURE", amount)).Json.GetProperty("tranId").GetInt64());
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await TransferAsync("MAIN_FUNDING", "4");

        var reply = await UniversalAsync(("type", "MAIN_UMFUTURE"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(3, reply.Json.GetProperty("total").GetInt32());
        var rows = Rows(reply);
        Assert.Equal([ids[2], ids[1], ids[0]], rows.Select(r => r.GetProperty("tranId").GetInt64()));
        var newest = rows[0];
        Assert.Equal("USDT", newest.GetProperty("asset").GetString());
        Assert.Equal("3", newest.GetProperty("amount").GetString());
        Assert.Equal("MAIN_UMFUTURE", newest.GetProperty("type").GetString());
        Assert.Equal("CONFIRMED", newest.GetProperty("status").GetString());
        Assert.Equal(Clock.NowMs - 1000, newest.GetProperty("timestamp").GetInt64());
        Assert.Equal("2.5", rows[1].GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Universal_history_of_an_isolated_type_needs_its_symbol_and_lists_only_that_symbol()
    {
        var btc = (await TransferAsync("MARGIN_ISOLATEDMARGIN", "1", toSymbol: "BTCUSDT")).Json.GetProperty("tranId").GetInt64();
        await TransferAsync("MARGIN_ISOLATEDMARGIN", "2", toSymbol: "ETHUSDT");

        var missing = await UniversalAsync(("type", "MARGIN_ISOLATEDMARGIN"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(-1102, missing.Json.GetProperty("code").GetInt32());
        Assert.Contains("toSymbol", missing.Json.GetProperty("msg").GetString());

        var reply = await UniversalAsync(("type", "MARGIN_ISOLATEDMARGIN"), ("toSymbol", "BTCUSDT"));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var row = Assert.Single(Rows(reply));
        Assert.Equal(btc, row.GetProperty("tranId").GetInt64());
        Assert.Equal("1", row.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Universal_history_pages_with_current_and_size()
    {
        var ids = new List<long>();
        for (var i = 0; i < 12; i++) ids.Add((await TransferAsync("MAIN_FUNDING", "1")).Json.GetProperty("tranId").GetInt64());
        ids.Reverse();

        var firstPage = await UniversalAsync(("type", "MAIN_FUNDING"));
        Assert.Equal(12, firstPage.Json.GetProperty("total").GetInt32());
        Assert.Equal(ids.Take(10), Rows(firstPage).Select(r => r.GetProperty("tranId").GetInt64()));

        var page = await UniversalAsync(("type", "MAIN_FUNDING"), ("current", "2"), ("size", "5"));
        Assert.Equal(ids.Skip(5).Take(5), Rows(page).Select(r => r.GetProperty("tranId").GetInt64()));

        var capped = await UniversalAsync(("type", "MAIN_FUNDING"), ("size", "500"));
        Assert.Equal(12, Rows(capped).Count);

        var beyond = await UniversalAsync(("type", "MAIN_FUNDING"), ("current", "9"));
        Assert.Empty(Rows(beyond));
        Assert.Equal(12, beyond.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Universal_history_defaults_to_the_last_7_days_and_keeps_6_months()
    {
        var start = Clock.NowMs;
        await TransferAsync("MAIN_FUNDING", "1");
        Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(0, (await UniversalAsync(("type", "MAIN_FUNDING"))).Json.GetProperty("total").GetInt32());
        var explicitRange = await UniversalAsync(("type", "MAIN_FUNDING"), ("startTime", Ms(start - 1000)), ("endTime", Ms(Clock.NowMs)));
        Assert.Equal(1, explicitRange.Json.GetProperty("total").GetInt32());
        var startOnly = await UniversalAsync(("type", "MAIN_FUNDING"), ("startTime", Ms(start)));
        Assert.Equal(1, startOnly.Json.GetProperty("total").GetInt32());

        Clock.Advance(TimeSpan.FromDays(200));
        var old = await UniversalAsync(("type", "MAIN_FUNDING"), ("startTime", Ms(start - 1000)));
        Assert.Equal(0, old.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Universal_history_needs_a_known_type()
    {
        (await UniversalAsync()).AssertError(400, -1102, "Mandatory parameter 'type' was not sent, was empty/null, or malformed.");
        (await UniversalAsync(("type", "NOPE"))).AssertError(400, -1102, "Mandatory parameter 'type' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Universal_history_shows_only_the_callers_transfers()
    {
        await TransferAsync("MAIN_FUNDING", "1", signer: TestScenario.AliceKey);
        Assert.Equal(0, (await UniversalAsync(("type", "MAIN_FUNDING"))).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Margin_history_has_roll_in_and_roll_out_of_cross_margin()
    {
        var rollIn = (await TransferAsync("MAIN_MARGIN", "0.1")).Json.GetProperty("tranId").GetInt64();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var rollOut = (await TransferAsync("MARGIN_UMFUTURE", "5")).Json.GetProperty("tranId").GetInt64();
        await TransferAsync("MAIN_FUNDING", "1");

        var reply = await MarginAsync();
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2, reply.Json.GetProperty("total").GetInt32());
        var rows = Rows(reply);
        Assert.Equal(rollOut, rows[0].GetProperty("txId").GetInt64());
        Assert.Equal("ROLL_OUT", rows[0].GetProperty("type").GetString());
        Assert.Equal("CROSS_MARGIN", rows[0].GetProperty("transFrom").GetString());
        Assert.Equal("FUTURES", rows[0].GetProperty("transTo").GetString());
        Assert.Equal("5.00000000", rows[0].GetProperty("amount").GetString());
        Assert.Equal(rollIn, rows[1].GetProperty("txId").GetInt64());
        Assert.Equal("ROLL_IN", rows[1].GetProperty("type").GetString());
        Assert.Equal("SPOT", rows[1].GetProperty("transFrom").GetString());
        Assert.Equal("0.10000000", rows[1].GetProperty("amount").GetString());
        Assert.Equal("CONFIRMED", rows[1].GetProperty("status").GetString());
        Assert.False(rows[1].TryGetProperty("fromSymbol", out _));

        var onlyIn = await MarginAsync(("type", "ROLL_IN"));
        Assert.Equal([rollIn], Rows(onlyIn).Select(r => r.GetProperty("txId").GetInt64()));
        Assert.Equal(0, (await MarginAsync(("asset", "BTC"))).Json.GetProperty("total").GetInt32());
        Assert.Equal(2, (await MarginAsync(("asset", "USDT"))).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Margin_history_with_isolated_symbol_shows_that_isolated_wallet()
    {
        await TransferAsync("MAIN_ISOLATED_MARGIN", "2", toSymbol: "BTCUSDT");
        await TransferAsync("ISOLATEDMARGIN_ISOLATEDMARGIN", "3", fromSymbol: "BTCUSDT", toSymbol: "ETHUSDT");
        await TransferAsync("ISOLATEDMARGIN_MARGIN", "4", fromSymbol: "ETHUSDT");

        var btc = Rows(await MarginAsync(("isolatedSymbol", "BTCUSDT")));
        Assert.Equal(["ROLL_OUT", "ROLL_IN"], btc.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal("BTCUSDT", btc[0].GetProperty("fromSymbol").GetString());
        Assert.Equal("ETHUSDT", btc[0].GetProperty("toSymbol").GetString());
        Assert.Equal("ISOLATED_MARGIN", btc[1].GetProperty("transTo").GetString());
        Assert.Equal("BTCUSDT", btc[1].GetProperty("toSymbol").GetString());

        var cross = Rows(await MarginAsync());
        var only = Assert.Single(cross);
        Assert.Equal("ROLL_IN", only.GetProperty("type").GetString());
        Assert.Equal("ETHUSDT", only.GetProperty("fromSymbol").GetString());
    }

    [Fact]
    public async Task Margin_history_interval_is_at_most_30_days()
    {
        var now = Clock.NowMs;
        var tooLong = await MarginAsync(("startTime", Ms(now - (31L * 86_400_000))), ("endTime", Ms(now)));
        tooLong.AssertError(400, -1127, "More than 720 hours between startTime and endTime.");

        var exactly = await MarginAsync(("startTime", Ms(now - (30L * 86_400_000))), ("endTime", Ms(now)));
        Assert.Equal(HttpStatusCode.OK, exactly.Status);
    }

    [Fact]
    public async Task Margin_history_defaults_to_7_days_and_pages()
    {
        for (var i = 0; i < 3; i++) await TransferAsync("MAIN_MARGIN", "1");
        var page = await MarginAsync(("size", "2"), ("current", "2"));
        Assert.Equal(3, page.Json.GetProperty("total").GetInt32());
        Assert.Single(Rows(page));

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, (await MarginAsync()).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Start_after_end_is_rejected()
    {
        var reply = await MarginAsync(("startTime", Ms(Clock.NowMs)), ("endTime", Ms(Clock.NowMs - 1)));
        reply.AssertError(400, -1102, "Mandatory parameter 'startTime' was not sent, was empty/null, or malformed.");
    }
}
