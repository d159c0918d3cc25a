using System.Globalization;
using Ferry.Engine.Addresses;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Transfers;

/// <summary>The input rules every planner and command shares: a positive amount with at most 8 decimals, an asset name.</summary>
public sealed class TransferInputTests
{
    [Theory]
    [InlineData("0", "not positive")]
    [InlineData("-5", "not positive")]
    [InlineData("0.123456789", "more than 8 decimal places")]
    public void Refuses_bad_amounts(string amount, string expected)
    {
        var error = Assert.Throws<TransferPlanningException>(() => TransferInput.ValidateAmount(decimal.Parse(amount, CultureInfo.InvariantCulture), Venue.Binance));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(Venue.Binance, "The amount 1.123456789 has more than 8 decimal places, which Binance does not accept.")]
    [InlineData(Venue.Htx, "The amount 1.123456789 has more than 8 decimal places, which HTX does not accept.")]
    public void An_over_precise_amount_names_the_venue_that_refuses_it(Venue venue, string expected)
    {
        var error = Assert.Throws<TransferPlanningException>(() => TransferInput.ValidateAmount(1.123456789m, venue));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Accepts_eight_decimals()
    {
        TransferInput.ValidateAmount(0.00000001m, Venue.Binance);
        Assert.Equal(8, TransferInput.MaxDecimalPlaces);
    }

    [Fact]
    public void Refuses_a_bad_asset_name()
    {
        var error = Assert.Throws<TransferPlanningException>(() => TransferInput.ValidateAsset("US DT"));
        Assert.Contains("not an asset name", error.Message);
    }

    [Fact]
    public void An_asset_name_is_trimmed_and_upper_cased()
    {
        Assert.Equal("USDT", TransferInput.ValidateAsset(" usdt "));
    }
}
