using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Ferry.Samples.Aot;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback port that answers the three requests the smoke app makes and checks their
/// signatures with its own code (not the clients'): Binance's server time and universal transfer (HMAC-SHA256 of the form
/// body, hex), HTX's spot-swap transfer (Signature V2: HMAC-SHA256 of the pre-sign string, base64, in the query).
/// </summary>
public sealed class SigningCheckServer : IAsyncDisposable
{
    public const string BinanceKey = "aot-smoke-binance-key";
    public const string BinanceSecret = "aot-smoke-binance-secret";
    public const string HtxKey = "aot-smoke-htx-access-key";
    public const string HtxSecret = "aot-smoke-htx-secret-key";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private SigningCheckServer(TcpListener listener)
    {
        _listener = listener;
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public static SigningCheckServer Start(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        return new SigningCheckServer(listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
                {
                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } line)
                    {
                        var colon = line.IndexOf(':');
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }

                    var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 0;
                    var body = new char[length];
                    if (length > 0)
                    {
                        // (An empty read would wait for the next request's bytes.)
                        await reader.ReadBlockAsync(body, _stop.Token);
                    }

                    var parts = requestLine.Split(' ');
                    var (status, json) = Answer(parts[0], parts[1], headers, new string(body));
                    var bytes = Encoding.UTF8.GetBytes(json);
                    var head = Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Bad Request")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n");
                    await stream.WriteAsync(head, _stop.Token);
                    await stream.WriteAsync(bytes, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }
    }

    private static (int Status, string Json) Answer(string method, string target, Dictionary<string, string> headers, string body)
    {
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        switch (method, path)
        {
            case ("GET", "/api/v3/time"):
                return (200, $"{{\"serverTime\":{TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()}}}");
            case ("POST", "/sapi/v1/asset/transfer"):
                var cut = body.LastIndexOf("&signature=", StringComparison.Ordinal);
                var signed = cut > 0 && headers.GetValueOrDefault("X-MBX-APIKEY") == BinanceKey
                    && body[(cut + 11)..] == Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BinanceSecret), Encoding.UTF8.GetBytes(body[..cut])))
                    && body.Contains("amount=10.5&", StringComparison.Ordinal);
                return signed ? (200, "{\"tranId\":13526853623}") : (400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
            case ("POST", "/v2/account/transfer"):
                var at = query.LastIndexOf("&Signature=", StringComparison.Ordinal);
                var preSign = $"POST\n{headers.GetValueOrDefault("Host", "").ToLowerInvariant()}\n{path}\n{(at > 0 ? query[..at] : "")}";
                var htxSigned = at > 0 && query.Contains("AccessKeyId=" + HtxKey, StringComparison.Ordinal)
                    && Uri.UnescapeDataString(query[(at + 11)..]) == Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HtxSecret), Encoding.UTF8.GetBytes(preSign)))
                    && body.Contains("\"amount\"", StringComparison.Ordinal);
                return htxSigned
                    ? (200, "{\"code\":200,\"data\":176104252,\"message\":\"Succeed\",\"success\":true}")
                    : (200, "{\"code\":1002,\"data\":null,\"message\":\"Signature verification failed\",\"success\":false}");
            default:
                return (400, "{\"code\":-1100,\"msg\":\"Unknown path.\"}");
        }
    }
}
