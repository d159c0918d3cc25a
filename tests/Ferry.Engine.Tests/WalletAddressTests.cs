using Ferry.Engine.Addresses;

namespace Ferry.Tests;

public class WalletAddressTests
{
    [Theory]
    [InlineData("spot", Venue.Binance, null, WalletKind.Spot, null)]
    [InlineData("USDM", Venue.Binance, null, WalletKind.UsdM, null)]
    [InlineData("isolated:btcusdt", Venue.Binance, null, WalletKind.Isolated, "BTCUSDT")]
    [InlineData("Alice@Example.com/coinm", Venue.Binance, "alice@example.com", WalletKind.CoinM, null)]
    [InlineData("binance:alice@example.com/isolated:ETHUSDT", Venue.Binance, "alice@example.com", WalletKind.Isolated, "ETHUSDT")]
    [InlineData("htx:spot", Venue.Htx, null, WalletKind.HtxSpot, null)]
    [InlineData("htx:swap", Venue.Htx, null, WalletKind.HtxSwap, null)]
    [InlineData("htx:swap:btc-usdt", Venue.Htx, null, WalletKind.HtxSwap, "BTC-USDT")]
    public void Parses_documented_forms(string text, Venue venue, string? email, WalletKind wallet, string? market)
    {
        var address = WalletAddress.Parse(text);
        Assert.Equal(new WalletAddress(venue, email, wallet, market), address);
    }

    [Theory]
    [InlineData("isolated:BTCUSDT")]
    [InlineData("alice@example.com/usdm")]
    [InlineData("htx:swap:BTC-USDT")]
    [InlineData("spot")]
    public void Round_trips_canonical_text(string text) => Assert.Equal(text, WalletAddress.Parse(text).ToString());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("savings", "unknown Binance wallet 'savings'")]
    [InlineData("isolated", "needs the isolated margin symbol")]
    [InlineData("isolated:BTC/USDT", "malformed")]
    [InlineData("spot:BTCUSDT", "only isolated margin wallets take one")]
    [InlineData("alice@@example.com/spot", "malformed email")]
    [InlineData("alice/spot", "malformed email")]
    [InlineData("htx:margin", "unknown HTX wallet")]
    [InlineData("htx:swap:BTCUSDT", "malformed contract")]
    [InlineData("htx:alice@example.com/spot", "HTX addresses name only")]
    public void Rejects_bad_addresses_with_one_sentence(string text, string expected)
    {
        Assert.False(WalletAddress.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
        Assert.EndsWith(".", error);
        Assert.Throws<FormatException>(() => WalletAddress.Parse(text));
    }
}
