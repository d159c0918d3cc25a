using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void Demo_has_the_documented_users_key_and_balances()
    {
        var demo = ScenarioDocument.Demo().Binance!;
        Assert.Equal("master@example.com", demo.Master);
        Assert.Equal(["alice@example.com", "bob@example.com"], demo.SubAccounts.Select(s => s.Email));
        Assert.True(demo.SubAccounts[0].Futures && demo.SubAccounts[0].Margin);
        Assert.False(demo.SubAccounts[1].Futures || demo.SubAccounts[1].Margin);
        var key = Assert.Single(demo.ApiKeys);
        Assert.Equal(ScenarioDocument.DemoApiKey, key.ApiKey);
        Assert.Equal(ScenarioDocument.DemoSecret, key.Secret);
        Assert.Equal(8, key.Permissions.Count);
        Assert.Equal(11900m, demo.Balances.Where(b => b.Asset == "USDT").Sum(b => b.Amount));
        Assert.Equal(0.5m, demo.Balances.Where(b => b.Asset == "BTC").Sum(b => b.Amount));
        Assert.Equal("BTCUSDT", demo.Balances.Single(b => b.Wallet == "ISOLATED_MARGIN").Symbol);
    }

    [Fact]
    public void The_issue_example_shape_parses()
    {
        var doc = ScenarioDocument.Parse("""
            {"binance": {
               "master": "master@example.com",
               "subAccounts": [{"email": "alice@example.com", "futures": true, "margin": true}],
               "apiKeys": [
                 {"owner": "master@example.com", "apiKey": "K1", "secret": "S1", "permissions": ["enableReading", "permitsUniversalTransfer", "enableInternalTransfer", "enableSpotAndMarginTrading"]}],
               "balances": [{"owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "10000"},
                            {"owner": "master@example.com", "wallet": "ISOLATED_MARGIN", "symbol": "BTCUSDT", "asset": "USDT", "amount": "50"}]}}
            """);
        Assert.Equal(2, doc.Binance!.Balances.Count);
        Assert.Equal(10050m, doc.Binance.Balances.Sum(b => b.Amount));
    }

    [Theory]
    [InlineData("""{"binance": {}}""", "binance.master")]
    [InlineData("""{"binance": {"master": "nobody"}}""", "binance.master")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "SAVINGS", "asset": "USDT", "amount": "1"}]}}""", "binance.balances[0].wallet")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "ISOLATED_MARGIN", "asset": "USDT", "amount": "1"}]}}""", "binance.balances[0].symbol")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "z@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "1"}]}}""", "binance.balances[0].owner")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "-1"}]}}""", "binance.balances[0].amount")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "lots"}]}}""", "binance.balances[0].amount")]
    [InlineData("""{"binance": {"master": "m@x.com", "apiKeys": [{"owner": "m@x.com", "apiKey": "K", "secret": "S", "rsaPublicKey": "x", "permissions": []}]}}""", "binance.apiKeys[0]")]
    [InlineData("""{"binance": {"master": "m@x.com", "apiKeys": [{"owner": "m@x.com", "apiKey": "K", "secret": "S", "permissions": ["canFly"]}]}}""", "binance.apiKeys[0].permissions[0]")]
    [InlineData("""{"binance": {"master": "m@x.com", "apiKeys": [{"owner": "m@x.com", "apiKey": "K", "ed25519PublicKey": "garbage", "permissions": []}]}}""", "binance.apiKeys[0].ed25519PublicKey")]
    [InlineData("""{"binance": {"master": "m@x.com", "subAccounts": [{"email": "m@x.com"}]}}""", "binance.subAccounts[0].email")]
    [InlineData("""{"binance": {"master": "m@x.com", "subaccounts": []}}""", "binance.subaccounts")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "79228162514264337593543950335"}]}}""", "binance.balances[0].amount")]
    [InlineData("""{"binance": {"master": "m@x.com", "balances": [{"owner": "m@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "600000000000000"}, {"owner": "m@x.com", "wallet": "MARGIN", "asset": "USDT", "amount": "600000000000000"}]}}""", "binance.balances[1].amount")]
    [InlineData("""{"binance": {"master": "m@x.com", "prices": [{"symbol": "BTCUSDT", "price": "10000000000"}]}}""", "binance.prices[0].price")]
    public void A_bad_scenario_names_the_bad_field(string json, string field)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse(json));
        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Invalid_json_is_one_clear_sentence()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse("{not json"));
        Assert.StartsWith("The scenario is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_never_prints_its_secret()
    {
        var key = ScenarioDocument.Demo().Binance!.ApiKeys[0];
        Assert.DoesNotContain(ScenarioDocument.DemoSecret, key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioDocument.DemoApiKey, key.ToString(), StringComparison.Ordinal);
    }
}
