using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Binance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Persistence;

namespace Ferry.Simulator.Htx;

/// <summary>The one middleware of the simulated HTX (paths <c>/v1/…</c>, <c>/v2/…</c>, <c>/linear-swap-api/…</c> on the same
/// port as Binance): finds the endpoint row, reads the body, verifies Signature V2, charges the UID bucket, checks the
/// trade permission, then calls the thin handler. Nothing executes once a check fails.</summary>
internal sealed class HtxGateway(
    IReadOnlyList<HtxSimEndpoint> endpoints, HtxBook book, HtxSimSettings settings, TimeProvider time, StateAccess state)
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long WindowStart, int Used)> _buckets = new(StringComparer.Ordinal);

    /// <summary>True for the path families HTX serves.</summary>
    public static bool Serves(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.Ordinal) || path.StartsWithSegments("/v2", StringComparison.Ordinal)
        || path.StartsWithSegments("/linear-swap-api", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var method = ctx.Request.Method;
        var (rawPath, rawQuery) = RawTarget(ctx);
        string? argument = null;
        var endpoint = endpoints.FirstOrDefault(e => e.Matches(method, rawPath, out argument));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (endpoint is null)
        {
            await WriteAsync(ctx, new HtxResponse(404, JsonBody.NotServed(method, rawPath)), ct);
            return;
        }

        JsonElement? body = null;
        if (method != "GET")
        {
            body = await ReadJsonBodyAsync(ctx, ct);
            if (body is null)
            {
                await WriteAsync(ctx, HtxResponse.Fail(HtxErrors.GatewayInternal, now), ct);
                return;
            }
        }

        var query = HtxSignatureVerifier.DecodeQuery(rawQuery);
        var (key, error) = HtxSignatureVerifier.Verify(endpoint.Style, method, ctx.Request.Host.Value ?? "", rawPath, query, book, now,
            settings.TimestampTolerance);
        if (error is not null)
        {
            await WriteAsync(ctx, HtxResponse.Fail(error, now), ct);
            return;
        }

        var user = book.User(key!.Owner);
        if (!Charge(ctx, endpoint, user, now))
        {
            var tooMany = endpoint.Style switch { HtxStyle.V1 => HtxErrors.V1TooManyRequests, HtxStyle.V2 => HtxErrors.V2TooManyRequests, _ => HtxErrors.SwapTooManyRequests };
            await WriteAsync(ctx, HtxResponse.Fail(tooMany, now), ct);
            return;
        }

        if (endpoint.NeedsTrade && !key.CanTrade)
        {
            await WriteAsync(ctx, HtxResponse.Fail(HtxErrors.V2AccessDenied, now), ct);
            return;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in query) values.TryAdd(name, value);
        var request = new HtxRequest(values, body, user, argument, now);
        HtxResponse response;
        try
        {
            response = await state.RunAsync(method != "GET", () => endpoint.Handler(request), ct);
        }
        catch (Persistence.StateBusyException)
        {
            response = HtxResponse.Fail(HtxErrors.Busy(endpoint.Style), now);
        }
        await WriteAsync(ctx, response, ct);
    }

    /// <summary>Charges one request to the (budget, UID) fixed window and writes HTX's rate headers.</summary>
    private bool Charge(HttpContext ctx, HtxSimEndpoint endpoint, HtxScenarioUser user, long now)
    {
        var windowMs = (long)endpoint.Window.TotalMilliseconds;
        var start = now - (now % windowMs);
        int used;
        bool allowed;
        lock (_gate)
        {
            var bucket = $"{endpoint.Budget} {user.Uid}";
            var current = _buckets.TryGetValue(bucket, out var b) && b.WindowStart == start ? b.Used : 0;
            allowed = current < endpoint.Limit;
            used = allowed ? current + 1 : current;
            _buckets[bucket] = (start, used);
        }

        var remaining = Text(Math.Max(0, endpoint.Limit - used));
        var reset = Text(start + windowMs);
        if (endpoint.IsSwap)
        {
            ctx.Response.Headers["ratelimit-limit"] = Text(endpoint.Limit);
            ctx.Response.Headers["ratelimit-interval"] = Text(windowMs);
            ctx.Response.Headers["ratelimit-remaining"] = remaining;
            ctx.Response.Headers["ratelimit-reset"] = reset;
        }
        else
        {
            ctx.Response.Headers["X-HB-RateLimit-Requests-Remain"] = remaining;
            ctx.Response.Headers["X-HB-RateLimit-Requests-Expire"] = reset;
        }

        return allowed;
    }

    private static (string Path, string Query) RawTarget(HttpContext ctx)
    {
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) return (ctx.Request.Path.Value ?? "/", ctx.Request.QueryString.Value?.TrimStart('?') ?? "");
        var q = target.IndexOf('?');
        return q < 0 ? (target, "") : (target[..q], target[(q + 1)..]);
    }

    /// <summary>The POST body as a JSON object; an empty body counts as {}; null when it is not JSON or not sent as JSON.</summary>
    private static async Task<JsonElement?> ReadJsonBodyAsync(HttpContext ctx, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) return JsonDocument.Parse("{}").RootElement.Clone();
        var contentType = ctx.Request.ContentType;
        if (contentType is null || !contentType.TrimStart().StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray());
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext ctx, HtxResponse response, CancellationToken ct)
    {
        ctx.Response.StatusCode = response.Status;
        ctx.Response.ContentType = "application/json;charset=utf-8";
        ctx.Response.ContentLength = response.Body.Length;
        await ctx.Response.Body.WriteAsync(response.Body, ct);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
