using System.Net;
using System.Net.Sockets;
using System.Text;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Http;

namespace Ferry.Binance.Tests;

/// <summary>
/// A keyed request connects to the host itself; a proxy is used only when the account names one, and only for HTTPS to an
/// official host, so the proxy relays a tunnel and reads the host name, never the key or the signed query.
/// </summary>
public sealed class AccountProxyTests
{
    private const string Key = "PROXYunitKEY-8d7c6b5a4f3e2d1c0b9a";
    private static readonly ApiCredentials Credentials = new(Key, new SecretText("PROXYunitSECRET-1a2b3c4d5e6f7081"), SigningKind.Hmac);

    [Fact]
    public void Without_an_account_proxy_the_handler_uses_none_whatever_the_environment_says()
    {
        using var handler = KeyedHttpHandler.Create(new Uri("http://127.0.0.1:5000"));
        Assert.False(handler.UseProxy);
        Assert.Null(handler.Proxy);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:3128", "only for HTTPS to an official exchange host")]
    [InlineData("http://localhost:5000", "http://proxy.example:3128", "only for HTTPS to an official exchange host")]
    [InlineData("https://api.binance.com", "socks5://127.0.0.1:1080", "http:// or https://")]
    [InlineData("https://api.binance.com", "http://user:pass@proxy.example:3128", "user name or password")]
    public void A_proxy_is_refused_unless_it_tunnels_https_to_an_official_host(string baseAddress, string proxy, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new BinanceClient(Credentials, new BinanceClientOptions { BaseAddress = new Uri(baseAddress), Proxy = new Uri(proxy) }));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("user:pass", error.Message);
    }

    [Fact]
    public async Task An_account_proxy_sees_only_the_tunnel_request_never_the_key()
    {
        var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        try
        {
            var options = new BinanceClientOptions
            {
                BaseAddress = new Uri("https://api.binance.com"),
                Proxy = new Uri($"http://127.0.0.1:{((IPEndPoint)proxy.LocalEndpoint).Port}"),
            };
            using var client = new BinanceClient(Credentials, options);
            var sending = client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1m));

            // Read what the client sends the proxy up to the end of its request head, then refuse the tunnel.
            using var connection = await proxy.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var seen = new StringBuilder();
            var buffer = new byte[4096];
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0) break;
                seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            connection.Close();
            await sending;

            Assert.StartsWith("CONNECT api.binance.com:443 HTTP/1.1", seen.ToString());
            Assert.DoesNotContain(Key, seen.ToString());
            Assert.DoesNotContain("X-MBX-APIKEY", seen.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("signature", seen.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            proxy.Stop();
        }
    }
}
