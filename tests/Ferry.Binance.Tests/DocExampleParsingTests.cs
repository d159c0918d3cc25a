using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;

namespace Ferry.Binance.Tests;

/// <summary>Every documented response example parses, and no field of it is left unmapped.</summary>
public sealed class DocExampleParsingTests
{
    private static readonly JsonSerializerOptions Strict = new(BinanceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static T Parse<T>(string file) =>
        JsonSerializer.Deserialize<T>(TestClients.Data(file), Strict) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Universal_transfer_post_example_parses()
    {
        var result = Parse<UniversalTransferResult>("doc-asset-transfer-post.json");

        Assert.Equal(13526853623L, result.TranId);
    }

    [Fact]
    public void Universal_transfer_history_example_parses()
    {
        var page = Parse<UniversalTransferPage>("doc-asset-transfer-get.json");

        Assert.Equal(2, page.Total);
        Assert.Equal(2, page.Rows.Count);
        var first = page.Rows[0];
        Assert.Equal("USDT", first.Asset);
        Assert.Equal(1m, first.Amount);
        Assert.Equal("MAIN_UMFUTURE", first.Type);
        Assert.Equal("CONFIRMED", first.Status);
        Assert.Equal(11415955596L, first.TranId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1544433328000), first.Timestamp);
        Assert.Equal(2m, page.Rows[1].Amount);
        Assert.Equal(11366865406L, page.Rows[1].TranId);
    }

    [Fact]
    public void Cross_margin_transfer_history_example_from_the_seed_parses()
    {
        var page = Parse<MarginTransferPage>("doc-margin-transfer-get.json");

        Assert.Equal(3, page.Total);
        Assert.Equal(3, page.Rows.Count);
        Assert.Equal(0.1m, page.Rows[0].Amount);
        Assert.Equal("BNB", page.Rows[0].Asset);
        Assert.Equal(5240372201L, page.Rows[0].TxId);
        Assert.Equal("ROLL_IN", page.Rows[0].Type);
        Assert.Equal("SPOT", page.Rows[0].TransFrom);
        Assert.Equal("ISOLATED_MARGIN", page.Rows[0].TransTo);
        Assert.Null(page.Rows[0].FromSymbol);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1566898617), page.Rows[0].Timestamp);
        Assert.Equal(5m, page.Rows[1].Amount);
        Assert.Equal("BNBUSDT", page.Rows[1].FromSymbol);
        Assert.Equal("BTCUSDT", page.Rows[1].ToSymbol);
        Assert.Equal("ROLL_OUT", page.Rows[1].Type);
        Assert.Null(page.Rows[2].TransFrom);
        Assert.Null(page.Rows[2].TransTo);
        Assert.Equal(5239808703L, page.Rows[2].TxId);
    }

    [Fact]
    public void Server_time_example_parses()
    {
        var time = Parse<ServerTimeResult>("doc-server-time.json");

        Assert.Equal(1499827319559L, time.ServerTime.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void An_empty_history_without_rows_parses_to_no_rows() =>
        Assert.Empty(JsonSerializer.Deserialize("{\"total\":0}"u8, BinanceJsonContext.Default.UniversalTransferPage)!.Rows);

    [Theory]
    [InlineData("\"0.10000000\"", "0.1")]
    [InlineData("0.1", "0.1")]
    [InlineData("\"12345678.12345678\"", "12345678.12345678")]
    [InlineData("\"-5\"", "-5")]
    public void Amounts_read_from_strings_and_numbers_exactly(string json, string expected)
    {
        var row = JsonSerializer.Deserialize(Row(json), BinanceJsonContext.Default.MarginTransferPage)!.Rows[0];

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), row.Amount);
    }

    [Theory]
    [InlineData("\"1E-8\"")]
    [InlineData("1e-8")]
    [InlineData("\"\"")]
    [InlineData("\"1,5\"")]
    [InlineData("\"NaN\"")]
    [InlineData("true")]
    [InlineData("null")]
    public void Amounts_in_other_forms_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(Row(json), BinanceJsonContext.Default.MarginTransferPage));

    [Fact]
    public void A_transfer_answer_without_tranId_does_not_parse() =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{}"u8, BinanceJsonContext.Default.UniversalTransferResult));

    private static byte[] Row(string amountJson) => Encoding.UTF8.GetBytes(
        $"{{\"total\":1,\"rows\":[{{\"amount\":{amountJson},\"asset\":\"BNB\",\"status\":\"CONFIRMED\",\"timestamp\":1,\"txId\":2,\"type\":\"ROLL_IN\"}}]}}");
}
