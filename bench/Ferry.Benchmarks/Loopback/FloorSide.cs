using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Benchmarks.Loopback;

/// <summary>
/// The floor: a plain HttpClient (same SocketsHttpHandler settings as the client's) sending one pre-signed POST
/// again and again, reading the body as a string. The body is HMAC-signed here, independently of the client's
/// signer, once per block with recvWindow 60000 so the simulator accepts it for a minute.
/// </summary>
public sealed class FloorSide : ILoopbackSide
{
    private const int RecvWindow = 60_000;
    private readonly HttpClient _http;
    private readonly Uri _uri;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(ScenarioDocument.DemoSecret);
    private byte[] _body = [];

    public FloorSide(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        _uri = new Uri(baseAddress, "sapi/v1/asset/transfer");
    }

    public string Name => "floor";

    public void PrepareBlock()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var payload = $"type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow={RecvWindow}&timestamp={timestamp}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)));
        _body = Encoding.ASCII.GetBytes(payload + "&signature=" + signature);
    }

    public async Task RunBlockAsync(int calls, CancellationToken cancellationToken)
    {
        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(_body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", ScenarioDocument.DemoApiKey);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || !body.StartsWith("{\"tranId\":", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A floor transfer did not succeed: HTTP {(int)response.StatusCode} {body}");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
