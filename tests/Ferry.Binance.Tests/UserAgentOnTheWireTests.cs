using System.Net;
using System.Net.Sockets;
using System.Text;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>The User-Agent as the real socket handler writes it: one header line, spaces and all.</summary>
public sealed class UserAgentOnTheWireTests
{
    [Fact]
    public async Task The_socket_handler_sends_the_whole_user_agent_on_one_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var credentials = new ApiCredentials("wire-test-key-0123456789", new SecretText("wire-test-secret-0123456789"), SigningKind.Hmac);
        using var client = new BinanceClient(credentials, new BinanceClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

        var call = client.General.GetServerTimeAsync();
        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            Assert.True(read > 0, "the client closed the connection before finishing its request");
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        var body = "{\"serverTime\":1499827319559}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        Assert.IsType<Done<Models.ServerTimeResult>>(await call);

        var lines = head.ToString().Split("\r\n");
        Assert.Contains($"User-Agent: {BinanceClientOptions.DefaultUserAgent}", lines);
        Assert.Matches(@"^User-Agent: ferry/\d+\.\d+\.\d+ \(\+https://\S+\)$", Assert.Single(lines, l => l.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase)));
    }
}
