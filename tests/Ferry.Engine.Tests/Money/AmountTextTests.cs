using Ferry.Core.Money;

namespace Ferry.Tests.Money;

/// <summary>Amounts are parsed from the text exactly: what decimal would round (even up) is refused, never moved.</summary>
public sealed class AmountTextTests
{
    private static (bool Ok, decimal Value, string Refusal) Parse(string? text, int places = 8)
    {
        var ok = AmountText.TryParse(text, places, "Binance", "The amount", out var value, out var refusal);
        return (ok, value, refusal);
    }

    [Theory]
    [InlineData("0.99999999999999999999999999999999")] // decimal.Parse gives 1
    [InlineData("0.12345678999999999999999999999")] // decimal.Parse gives 0.12345679
    [InlineData("0.123456789")]
    [InlineData("1.000000001")]
    public void More_places_than_the_venue_takes_is_refused_however_decimal_would_round_it(string text)
    {
        var (ok, _, refusal) = Parse(text);
        Assert.False(ok);
        Assert.StartsWith("The amount 0.", refusal.Replace("The amount 1.", "The amount 0."));
        Assert.Contains("more than 8 decimal places, which Binance does not accept", refusal);
    }

    [Theory]
    [InlineData("100", "100")]
    [InlineData("0.5", "0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("007.25", "7.25")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("1.50000000000000000000000000000000000000", "1.5")] // trailing zeros are not places
    [InlineData("99999999999999999999.99999999", "99999999999999999999.99999999")] // 28 digits, exact
    [InlineData("0", "0")]
    public void Plain_decimals_parse_to_exactly_what_was_typed(string text, string expected)
    {
        var (ok, value, refusal) = Parse(text);
        Assert.True(ok, refusal);
        Assert.Equal(expected, WireDecimal.Format(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1E-3")]
    [InlineData("1,000")]
    [InlineData("1.0.0")]
    [InlineData("1 000")]
    [InlineData("0x10")]
    [InlineData("١٢")] // Arabic-Indic digits
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(null)]
    public void Anything_but_digits_and_one_point_is_not_an_amount(string? text)
    {
        var (ok, _, refusal) = Parse(text);
        Assert.False(ok);
        Assert.Contains("is not a plain decimal", refusal);
    }

    [Fact]
    public void More_digits_than_decimal_holds_exactly_is_refused()
    {
        var (ok, _, refusal) = Parse("123456789012345678901234567890");
        Assert.False(ok);
        Assert.Contains("more digits than an amount can hold exactly", refusal);
    }

    [Fact]
    public void A_huge_amount_is_echoed_as_a_short_prefix()
    {
        foreach (var text in new[] { "1." + new string('9', 100_000), new string('7', 100_000), "x" + new string('1', 100_000) })
        {
            var (ok, _, refusal) = Parse(text);
            Assert.False(ok);
            Assert.True(refusal.Length < 200, refusal);
            Assert.Contains("...", refusal);
        }
    }

    [Fact]
    public void Text_that_is_no_number_is_quoted_by_fewer_characters_than_a_leak_scan_window()
    {
        var (ok, _, refusal) = Parse("MCPLEAKmainSECRET-1b9e7d5c3a-ZXCVBNm");
        Assert.False(ok);
        Assert.Contains("'MCPLEA...'", refusal);
        Assert.Contains("'abc'", Parse("abc").Refusal);
    }

    [Theory]
    [InlineData("1.5", true, "1.5")]
    [InlineData("-0.25", true, "-0.25")]
    [InlineData("0.1234567899999999999999999999", true, "0.1234567899999999999999999999")] // 28 places: exact
    [InlineData("0.12345678999999999999999999999", false, "")] // 29 places: decimal would round
    [InlineData("0.99999999999999999999999999999999", false, "")]
    [InlineData("1e5", false, "")]
    public void Wire_text_parses_exactly_or_not_at_all(string text, bool ok, string expected)
    {
        Assert.Equal(ok, WireDecimal.TryParse(text, out var value));
        if (ok) Assert.Equal(expected, WireDecimal.Format(value));
    }
}
