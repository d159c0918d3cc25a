using Ferry.Binance.Http;

namespace Ferry.Binance.Tests;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("１２３", "%EF%BC%91%EF%BC%92%EF%BC%93")]
    [InlineData("１２３４５６", "%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a=b", "a%3Db")]
    [InlineData("a&b", "a%26b")]
    [InlineData("%", "%25")]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void Encodes_utf8_with_upper_case_hex_and_leaves_unreserved_alone(string input, string expected) =>
        Assert.Equal(expected, PercentEncoding.Encode(input));

    [Fact]
    public void Writer_keeps_insertion_order_and_encodes_names_and_values()
    {
        using var writer = new ParameterWriter(4);
        writer.Add("symbol", "１２３");
        writer.Add("note", "a b+c/d=e");
        writer.Add("amount", 100.500m);
        writer.Add("timestamp", 1499827319559L);
        writer.AddIfPresent("missing", (string?)null);
        writer.AddIfPresent("size", (long?)null);

        Assert.Equal(
            "symbol=%EF%BC%91%EF%BC%92%EF%BC%93&note=a%20b%2Bc%2Fd%3De&amount=100.5&timestamp=1499827319559",
            System.Text.Encoding.ASCII.GetString(writer.Written));
    }

    [Fact]
    public void Writer_grows_past_its_first_buffer()
    {
        using var writer = new ParameterWriter(16);
        var longValue = new string('x', 5000);
        writer.Add("a", longValue);
        writer.Add("b", 1L);

        Assert.Equal("a=" + longValue + "&b=1", System.Text.Encoding.ASCII.GetString(writer.Written));
    }
}
