using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ferry.Benchmarks.Sim;

/// <summary>The floor the simulator's signed GETs are measured against: a bare Kestrel app, built the way the simulator
/// builds its own, that checks the API key header and the HMAC-SHA256 signature over the raw query and answers the
/// empty universal-transfer history. Nothing else: no ledger, no rate buckets, no time window.</summary>
public static class HmacFloorServer
{
    private static readonly byte[] EmptyHistory = "{\"total\":0,\"rows\":[]}"u8.ToArray();

    /// <summary>Starts the floor, checking signatures made with <paramref name="apiKey"/>/<paramref name="secret"/>.</summary>
    public static Task<BareKestrel> StartAsync(string apiKey, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        return BareKestrel.StartAsync(ctx => Answer(ctx, apiKey, secretBytes));
    }

    private static Task Answer(HttpContext ctx, string apiKey, byte[] secret)
    {
        var query = ctx.Request.QueryString.Value ?? "";
        var payload = query.StartsWith('?') ? query[1..] : query;
        var at = payload.LastIndexOf("&signature=", StringComparison.Ordinal);
        var ok = ctx.Request.Headers["X-MBX-APIKEY"] == apiKey && at > 0 && payload.Length <= 4096 &&
                 SignedQuery.Verify(secret, payload.AsSpan(0, at), payload.AsSpan(at + "&signature=".Length));
        ctx.Response.StatusCode = ok ? 200 : 400;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = EmptyHistory.Length;
        return ctx.Response.Body.WriteAsync(EmptyHistory).AsTask();
    }
}
