using Ferry.Core.Credentials;
using Ferry.Core.Safety;

namespace Ferry.Binance.Tests;

/// <summary>
/// USDⓈ-M and COIN-M futures live on their own hosts (fapi, dapi). Keys still go only to the exchange (principle 8):
/// the futures addresses pass the same allowlist as the base address, and a simulator on loopback serves every path.
/// </summary>
public sealed class FuturesHostAllowlistTests
{
    private static readonly ApiCredentials Credentials = new("futures-host-test-key", new SecretText("futures-host-test-secret"), SigningKind.Hmac);

    [Theory]
    [InlineData("fapi.binance.com")]
    [InlineData("dapi.binance.com")]
    public void The_allowlist_names_the_futures_hosts(string host) =>
        Assert.Null(KeyHostAllowlist.Refusal(new Uri($"https://{host}"), KeyHostAllowlist.BinanceHosts, "Binance"));

    [Fact]
    public void Official_defaults_are_binance_s_futures_hosts()
    {
        var options = new BinanceClientOptions();

        Assert.Equal(new Uri("https://fapi.binance.com"), options.AddressOf(BinanceHost.UsdmFutures));
        Assert.Equal(new Uri("https://dapi.binance.com"), options.AddressOf(BinanceHost.CoinFutures));
        Assert.Equal(new Uri("https://api.binance.com"), options.AddressOf(BinanceHost.Spot));
    }

    [Fact]
    public void A_loopback_simulator_serves_the_futures_paths_too_unless_told_otherwise()
    {
        var simulator = new Uri("http://127.0.0.1:5123");
        var options = new BinanceClientOptions { BaseAddress = simulator };

        Assert.Equal(simulator, options.AddressOf(BinanceHost.UsdmFutures));
        Assert.Equal(simulator, options.AddressOf(BinanceHost.CoinFutures));

        options.CoinFuturesBaseAddress = new Uri("http://127.0.0.1:6000");
        Assert.Equal(new Uri("http://127.0.0.1:6000"), options.AddressOf(BinanceHost.CoinFutures));
    }

    [Fact]
    public void The_spot_testnet_has_no_futures_address_unless_one_is_set()
    {
        var options = new BinanceClientOptions { BaseAddress = new Uri("https://testnet.binance.vision") };

        Assert.Null(options.AddressOf(BinanceHost.UsdmFutures));
        Assert.Null(options.AddressOf(BinanceHost.CoinFutures));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://fapi.binance.com")]
    [InlineData("https://fapi.binance.com.evil.example")]
    [InlineData("https://user@dapi.binance.com")]
    [InlineData("http://10.0.0.5:8080")]
    public void A_futures_address_pointing_elsewhere_is_refused_when_the_client_is_built(string address)
    {
        foreach (var configure in new Action<BinanceClientOptions>[]
                 {
                     o => o.UsdmFuturesBaseAddress = new Uri(address),
                     o => o.CoinFuturesBaseAddress = new Uri(address),
                 })
        {
            var options = new BinanceClientOptions();
            configure(options);
            using var handler = new Support.FakeBinanceHandler(TimeProvider.System);

            var error = Assert.Throws<ArgumentException>(() => new BinanceClient(Credentials, options, handler));

            Assert.Contains("keys go only to Binance's official hosts", error.Message);
            Assert.DoesNotContain("futures-host-test-secret", error.Message);
            Assert.Empty(handler.Requests);
        }
    }

    [Theory]
    [InlineData("https://someone:hunter2secret@evil.example")]
    [InlineData("https://someone:hunter2secret@fapi.binance.com")]
    public void The_refusal_names_the_host_but_not_a_password_written_into_the_address(string address)
    {
        var options = new BinanceClientOptions { UsdmFuturesBaseAddress = new Uri(address) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("someone", error.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(address).Host, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_is_refused_when_a_futures_address_is_a_loopback_simulator()
    {
        var options = new BinanceClientOptions
        {
            Proxy = new Uri("http://proxy.example:3128"),
            UsdmFuturesBaseAddress = new Uri("http://127.0.0.1:5000"),
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(nameof(BinanceClientOptions.Proxy), error.ParamName);
    }

    [Fact]
    public void A_proxy_is_accepted_with_the_official_futures_hosts()
    {
        var options = new BinanceClientOptions { Proxy = new Uri("http://proxy.example:3128") };

        options.Validate();
    }
}
