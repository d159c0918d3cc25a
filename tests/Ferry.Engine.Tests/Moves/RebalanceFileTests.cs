using Ferry.Engine.Moves;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Moves;

public sealed class RebalanceFileTests
{
    [Fact]
    public void A_full_file_parses()
    {
        var assets = RebalanceFile.Parse("""
            version: 1
            assets:
              USDT:
                alice@example.com/spot: 500
                bob@example.com/spot: 25%
                bob@example.com/usdm: rest
              btc:
                alice@example.com/margin: 0.5
                bob@example.com/coinm: 0.25
            """);
        Assert.Equal(["USDT", "BTC"], assets.Select(a => a.Asset));
        Assert.Equal([TargetKind.Amount, TargetKind.Share, TargetKind.Rest], assets[0].Wallets.Select(w => w.Kind));
        Assert.Equal(25m, assets[0].Wallets[1].Value);
        Assert.Equal(5, assets[0].Wallets[1].Line);
    }

    [Theory]
    [InlineData("assets:\n  USDT:\n    alice@example.com/spot: 5\n    bob@example.com/spot: lots\n", "line 4: target of USDT bob@example.com/spot 'lots' is not an amount")]
    [InlineData("assets:\n  USDT:\n    alice@example.com/spot: 5\n    spot: 5\n", "line 4: USDT wallet 'spot' must name a sub-account's wallet")]
    [InlineData("assets:\n  USDT:\n    alice@example.com/spot: 5\n    bob@example.com/isolated:BTCUSDT: 5\n", "line 4: USDT wallet 'bob@example.com/isolated:BTCUSDT' names the isolated wallet")]
    [InlineData("assets:\n  USDT:\n    alice@example.com/spot: 5\n    alice@example.com/spot: 5\n", "line 4")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: 60%\n    b@example.com/spot: 50%\n", "line 4: USDT's shares add up to 110%, more than 100%")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: rest\n    b@example.com/spot: rest\n", "line 4: USDT has more than one 'rest' target")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: 0.123456789\n    b@example.com/spot: rest\n", "line 3: target of USDT a@example.com/spot 0.123456789 has more than 8 decimal places")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: 101%\n    b@example.com/spot: rest\n", "line 3: target of USDT a@example.com/spot '101%' is not a share")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: 5\n", "line 3: USDT lists one wallet")]
    [InlineData("assets:\n  US-DT:\n    a@example.com/spot: 5\n", "line 2: asset 'US-DT' is not an asset name")]
    [InlineData("assets:\n  USDT: 5\n", "line 2: asset USDT must map wallets")]
    [InlineData("asets:\n  USDT: 5\n", "line 1: has an unknown field 'asets'")]
    [InlineData("version: 2\nassets: {}\n", "line 1: field 'version' must be 1")]
    [InlineData("assets: {}\n", "field 'assets' lists no asset")]
    [InlineData("assets:\n  USDT:\n    a@example.com/spot: [1, 2]\n", "line 3: expects the target of USDT a@example.com/spot here, not a list")]
    [InlineData("assets:\n  USDT: {a: 1\n", "is not valid YAML")]
    [InlineData("- 1\n- 2\n", "line 1: is not a mapping")]
    public void Every_problem_is_one_sentence_naming_the_line_and_field(string yaml, string expected)
    {
        var e = Assert.Throws<TransferPlanningException>(() => RebalanceFile.Parse(yaml));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("Rebalance file line", e.Message);
        Assert.EndsWith(".", e.Message);
    }
}
