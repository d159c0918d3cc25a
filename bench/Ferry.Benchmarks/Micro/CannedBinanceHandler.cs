using System.Globalization;
using System.Net;
using System.Text;

namespace Ferry.Benchmarks.Micro;

/// <summary>
/// An in-memory Binance answering every POST with a canned <c>{"tranId":13526853623}</c> (plus the UID-weight header
/// the real exchange sends) and GET /api/v3/time with the current time, so a benchmark measures Ferry's code, not a network.
/// </summary>
public sealed class CannedBinanceHandler : HttpMessageHandler
{
    /// <summary>The canned success body of POST /sapi/v1/asset/transfer.</summary>
    public static readonly byte[] TransferBody = "{\"tranId\":13526853623}"u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/api/v3/time")
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            response = Json("{\"serverTime\":" + now + "}");
        }
        else
        {
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TransferBody) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=UTF-8");
            response.Headers.TryAddWithoutValidation("X-SAPI-USED-UID-WEIGHT-1M", "300");
        }

        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private static HttpResponseMessage Json(string body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=UTF-8");
        return response;
    }
}
