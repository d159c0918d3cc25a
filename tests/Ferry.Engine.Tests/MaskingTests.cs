using Ferry.Core.Credentials;
using Ferry.Core.Money;

namespace Ferry.Tests;

public class MaskingTests
{
    [Fact]
    public void Masks_as_the_source_document_shows()
    {
        Assert.Equal("su1Qc...8akf", Masking.ApiKey("su1QcXXXXXXXXXXXXXXXX8akf"));
        Assert.Equal("***...aws1x", Masking.Secret("secret-value-aws1x"));
        var credentials = new ApiCredentials("su1QcXXXXXXXXXXXXXXXX8akf", new SecretText("secret-value-aws1x"), SigningKind.Hmac);
        Assert.Equal("Hmac key su1Qc...8akf, secret ***...aws1x", $"{credentials}");
    }

    [Theory]
    [InlineData("100.500", "100.5")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("1E+3", "1000")]
    [InlineData("-0.0", "0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Wire_decimals_have_no_exponent_or_trailing_zeros(string input, string expected) =>
        Assert.Equal(expected, WireDecimal.Format(decimal.Parse(input, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1.10", 1)]
    [InlineData("5", 0)]
    [InlineData("0.123456789", 9)]
    public void Counts_real_decimal_places(string input, int places) =>
        Assert.Equal(places, WireDecimal.DecimalPlaces(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)));
}

public class WireDecimalPropertyTests
{
    [Fact]
    public void Matches_the_plain_pattern_format_for_many_seeded_values()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 4), random.Next(2) == 0, (byte)random.Next(0, 29));
            var expected = value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
            if (expected == "-0") expected = "0";
            Assert.Equal(expected, WireDecimal.Format(value));
            var dot = expected.IndexOf('.');
            Assert.Equal(dot < 0 ? 0 : expected.Length - dot - 1, WireDecimal.DecimalPlaces(value));
        }
    }
}
