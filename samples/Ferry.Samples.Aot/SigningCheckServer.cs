using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Ferry.Samples.Aot;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback port that answers the requests the smoke app makes and checks their signatures
/// with its own code (not the clients'): Binance's server time and universal transfer (the form body signed with HMAC-SHA256
/// as hex, or with Ed25519 or RSA PKCS#1 v1.5 SHA-256 as percent-encoded base64, checked with the public key), HTX's
/// spot-swap transfer (Signature V2: HMAC-SHA256 of the pre-sign string, base64, in the query).
/// </summary>
public sealed class SigningCheckServer : IAsyncDisposable
{
    public const string BinanceHmacKey = "aot-smoke-binance-hmac-key";
    public const string BinanceHmacSecret = "aot-smoke-binance-secret";
    public const string BinanceEd25519Key = "aot-smoke-binance-ed25519-key";
    public const string BinanceRsaKey = "aot-smoke-binance-rsa-key";
    public const string HtxKey = "aot-smoke-htx-access-key";
    public const string HtxSecret = "aot-smoke-htx-secret-key";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly PublicKey _ed25519PublicKey;
    private readonly RSA _rsaPublicKey;

    private SigningCheckServer(TcpListener listener)
    {
        _listener = listener;
        _ed25519PublicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Encoding.ASCII.GetBytes(TestKeys.Read("test-only-ed25519-public.pem")), KeyBlobFormat.PkixPublicKeyText);
        _rsaPublicKey = RSA.Create();
        _rsaPublicKey.ImportFromPem(TestKeys.Read("test-only-rsa-public.pem"));
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
        _rsaPublicKey.Dispose();
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

    private (int Status, string Json) Answer(string method, string target, Dictionary<string, string> headers, string body)
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
                var tranId = cut > 0 && body.Contains("amount=10.5&", StringComparison.Ordinal)
                    ? BinanceSigned(headers.GetValueOrDefault("X-MBX-APIKEY"), Encoding.UTF8.GetBytes(body[..cut]), body[(cut + 11)..])
                    : null;
                return tranId is { } id
                    ? (200, $"{{\"tranId\":{id}}}")
                    : (400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
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

    /// <summary>The transfer id answered for a good signature (one per key kind, so the app shows which key was checked);
    /// null when the key is unknown or the signature does not verify.</summary>
    private long? BinanceSigned(string? apiKey, byte[] payload, string signature)
    {
        switch (apiKey)
        {
            case BinanceHmacKey:
                return signature == Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BinanceHmacSecret), payload)) ? 13526853623 : null;
            case BinanceEd25519Key:
                return FromBase64(signature) is { } edSignature && SignatureAlgorithm.Ed25519.Verify(_ed25519PublicKey, payload, edSignature) ? 13526853624 : null;
            case BinanceRsaKey:
                return FromBase64(signature) is { } rsaSignature && _rsaPublicKey.VerifyData(payload, rsaSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? 13526853625 : null;
            default:
                return null;
        }
    }

    /// <summary>The bytes of a percent-encoded base64 signature; null when it is not base64.</summary>
    private static byte[]? FromBase64(string encoded)
    {
        var base64 = Uri.UnescapeDataString(encoded);
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
