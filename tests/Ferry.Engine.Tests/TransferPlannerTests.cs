using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Tests;

public class TransferPlannerTests
{
    private static readonly AccountDefinition Account = new("main", Venue.Binance, AccountEnvironment.Sim,
        new Uri("http://127.0.0.1:1/"), new ApiCredentials("KEY-0123456789", new SecretText("SECRET-0123456789"), SigningKind.Hmac),
        "master@example.com");

    private static WalletTransferPlan Plan(string amount, string asset, string from, string to) =>
        TransferPlanner.Plan(new TransferRequest(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), asset,
            WalletAddress.Parse(from), WalletAddress.Parse(to)), Account);

    [Fact]
    public void Spot_to_usdm_is_MAIN_UMFUTURE_with_wire_amount()
    {
        var plan = Plan("100.50", "usdt", "spot", "usdm");
        Assert.Equal("MAIN_UMFUTURE", plan.TransferTypeName);
        Assert.Equal("USDT", plan.Asset);
        Assert.Equal(
            [new("type", "MAIN_UMFUTURE"), new("asset", "USDT"), new("amount", "100.5")],
            plan.Parameters);
    }

    [Fact]
    public void Isolated_to_isolated_carries_both_symbols()
    {
        var plan = Plan("1", "USDT", "isolated:BTCUSDT", "isolated:ETHUSDT");
        Assert.Equal(("ISOLATEDMARGIN_ISOLATEDMARGIN", "BTCUSDT", "ETHUSDT"), (plan.TransferTypeName, plan.FromSymbol, plan.ToSymbol));
    }

    [Fact]
    public void Own_email_is_the_same_account()
    {
        var plan = Plan("1", "USDT", "master@example.com/spot", "funding");
        Assert.Equal("MAIN_FUNDING", plan.TransferTypeName);
    }

    [Fact]
    public void Route_table_has_every_documented_type_once()
    {
        var types = WalletTransferTypes.All.Select(r => r.Type).ToList();
        Assert.Equal(Enum.GetValues<Ferry.Binance.Wallet.UniversalTransferType>().Order(), types.Order());
    }

    [Theory]
    [InlineData("0", "USDT", "spot", "usdm", "not positive")]
    [InlineData("-5", "USDT", "spot", "usdm", "not positive")]
    [InlineData("0.123456789", "USDT", "spot", "usdm", "more than 8 decimal places")]
    [InlineData("1", "US DT", "spot", "usdm", "not an asset name")]
    [InlineData("1", "USDT", "spot", "spot", "same wallet")]
    [InlineData("1", "USDT", "usdm", "coinm", "No single Binance transfer")]
    [InlineData("1", "USDT", "alice@example.com/spot", "usdm", "another account")]
    [InlineData("1", "USDT", "htx:spot", "htx:swap", "plan it with PlanMove")]
    public void Refuses_bad_moves(string amount, string asset, string from, string to, string expected)
    {
        var error = Assert.Throws<TransferPlanningException>(() => Plan(amount, asset, from, to));
        Assert.Contains(expected, error.Message);
    }
}
