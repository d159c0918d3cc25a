using Ferry.Binance;
using Ferry.Core.Credentials;

namespace Ferry.Binance.Tests;

/// <summary>Keys go only to the exchange (principle 8): the client refuses any other host when it is built.</summary>
public class BaseAddressAllowlistTests
{
    private static readonly ApiCredentials Credentials = new("allowlist-test-key", new SecretText("allowlist-test-secret"), SigningKind.Hmac);

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("https://api.binance.com.evil.example")]
    [InlineData("http://api.binance.com")]
    [InlineData("https://user@api.binance.com")]
    [InlineData("http://10.0.0.5:8080")]
    public void Refuses_hosts_outside_the_allowlist(string address)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new BinanceClient(Credentials, new BinanceClientOptions { BaseAddress = new Uri(address) }));
        Assert.Contains("keys go only to Binance's official hosts", error.Message);
        Assert.DoesNotContain("allowlist-test-secret", error.Message);
    }

    [Theory]
    [InlineData("https://api.binance.com")]
    [InlineData("https://api3.binance.com")]
    [InlineData("https://api-gcp.binance.com")]
    [InlineData("https://testnet.binance.vision")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void Accepts_official_hosts_and_loopback(string address)
    {
        using var client = new BinanceClient(Credentials, new BinanceClientOptions { BaseAddress = new Uri(address) });
        Assert.Equal(new Uri(address), client.Options.BaseAddress);
    }
}
