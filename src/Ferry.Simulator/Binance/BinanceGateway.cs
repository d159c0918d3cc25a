using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Ferry.Simulator.Persistence;

namespace Ferry.Simulator.Binance;

/// <summary>The one middleware of the simulated Binance: finds the endpoint row, charges the IP bucket,
/// authenticates, charges the UID bucket, then calls the thin handler. Nothing executes once a check fails.</summary>
internal sealed class BinanceGateway(
    IReadOnlyList<SimEndpoint> endpoints, KeyRing keys, WeightBuckets buckets, SimRateLimits limits, TimeProvider time,
    StateAccess state, Func<string, IPAddress?, bool>? keyAllowedFrom = null, Action? beforeStateTurn = null)
{
    private const int MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var method = ctx.Request.Method;
        var path = ctx.Request.Path.Value ?? "/";
        var endpoint = endpoints.FirstOrDefault(e => e.Method == method && string.Equals(e.Path, path, StringComparison.Ordinal));
        if (endpoint is null)
        {
            await WriteAsync(ctx, new SimResponse(404, JsonBody.NotServed(method, path)), ct);
            return;
        }
        var raw = RawParameters.Parse(RawQuery(ctx), await RawBodyAsync(ctx, method, ct));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        if (endpoint.Security == EndpointSecurity.Admin)
        {
            var isLoopback = ctx.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
            var response = isLoopback
                ? await RunAsync(endpoint, new SimRequest(raw.Values, null, now), null, ct)
                : new SimResponse(403, JsonBody.NotServed(method, path));
            await WriteAsync(ctx, response, ct);
            return;
        }

        if (endpoint.IpWeight > 0)
        {
            var ip = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var charge = endpoint.IsSapi
                ? buckets.TryCharge($"{method} {path} ip {ip}", endpoint.IpWeight, limits.IpWeightPerWindow)
                : buckets.TryCharge($"{endpoint.SharedBudget} ip {ip}", endpoint.IpWeight,
                    endpoint.SharedBudget == "/api" ? limits.ApiIpWeightPerWindow : limits.FuturesIpWeightPerWindow);
            ctx.Response.Headers[endpoint.IsSapi ? "X-SAPI-USED-IP-WEIGHT-1M" : "X-MBX-USED-WEIGHT-1M"] = Text(charge.Used);
            if (!charge.Allowed)
            {
                await TooManyAsync(ctx, charge, ct);
                return;
            }
        }

        // A name sent twice within the query or within the body is refused before authentication (assumed order).
        if (raw.DuplicateName is not null)
        {
            await WriteAsync(ctx, SimResponse.Fail(BinanceErrors.DuplicateParameter), ct);
            return;
        }

        string? owner = null;
        AuthResult? signed = null;
        if (endpoint.Security == EndpointSecurity.Signed)
        {
            var auth = RequestAuthenticator.Authenticate(ApiKeyHeader(ctx), raw, endpoint.Permission, now, keys);
            signed = auth;
            if (auth.Error is { } error)
            {
                await WriteAsync(ctx, SimResponse.Fail(error), ct);
                return;
            }
            owner = auth.Key!.Owner;
            // A key restricted to trusted IPs is refused from any other address, as Binance does.
            if (keyAllowedFrom is not null)
            {
                var apiKey = auth.Key.Source.ApiKey;
                var remote = ctx.Connection.RemoteIpAddress;
                var refusal = await RunAsync(false, () => keyAllowedFrom(apiKey, remote) ? null : SimResponse.Fail(BinanceErrors.RejectedKey), ct);
                if (refusal is not null)
                {
                    await WriteAsync(ctx, refusal, ct);
                    return;
                }
            }
            if (endpoint.UidWeight > 0)
            {
                var charge = buckets.TryCharge($"{method} {path} uid {owner}", endpoint.UidWeight, limits.UidWeightPerWindow);
                ctx.Response.Headers["X-SAPI-USED-UID-WEIGHT-1M"] = Text(charge.Used);
                if (!charge.Allowed)
                {
                    await TooManyAsync(ctx, charge, ct);
                    return;
                }
            }
        }
        await WriteAsync(ctx, await RunAsync(endpoint, new SimRequest(raw.Values, owner, now), signed, ct), ct);
    }

    /// <summary>Runs the handler through the state gate: GET reads, anything else writes. A signed write is checked
    /// against its recvWindow again once it has its turn, as Binance repeats the check before forwarding a request to its
    /// engine: one that waited past its window (a busy state file, a loaded machine) is refused and changes nothing, so it
    /// can never execute later than its timestamp plus recvWindow.</summary>
    private Task<SimResponse> RunAsync(SimEndpoint endpoint, SimRequest request, AuthResult? signed, CancellationToken ct)
    {
        var writes = endpoint.Method != "GET";
        if (!writes || signed is not { } auth) return RunAsync(writes, () => endpoint.Handler(request), ct)!;
        beforeStateTurn?.Invoke();
        return RunAsync(true, () => auth.Expired(time.GetUtcNow().ToUnixTimeMilliseconds()) is { } expired
            ? SimResponse.Fail(expired)
            : endpoint.Handler(request), ct)!;
    }

    /// <summary>A state call; when another process kept the state file locked past the bound, the busy error instead.</summary>
    private async Task<SimResponse?> RunAsync(bool writes, Func<SimResponse?> call, CancellationToken ct)
    {
        try
        {
            return await state.RunAsync(writes, call, ct);
        }
        catch (Persistence.StateBusyException)
        {
            return SimResponse.Fail(BinanceErrors.ServerBusy);
        }
    }

    private static string? ApiKeyHeader(HttpContext ctx) =>
        ctx.Request.Headers.TryGetValue("X-MBX-APIKEY", out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>The query exactly as the client sent it, from the raw request target.</summary>
    private static string RawQuery(HttpContext ctx)
    {
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) return ctx.Request.QueryString.Value?.TrimStart('?') ?? "";
        var q = target.IndexOf('?');
        return q < 0 ? "" : target[(q + 1)..];
    }

    /// <summary>The form body's bytes as Latin-1 text (one char per byte). GET parameters come only from the query.</summary>
    private static async Task<string> RawBodyAsync(HttpContext ctx, string method, CancellationToken ct)
    {
        if (method == "GET" || !IsForm(ctx.Request.ContentType)) return "";
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) break;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static Task TooManyAsync(HttpContext ctx, WeightCharge charge, CancellationToken ct)
    {
        ctx.Response.Headers["Retry-After"] = Text(charge.RetryAfterSeconds);
        return WriteAsync(ctx, SimResponse.Fail(BinanceErrors.TooManyRequests), ct);
    }

    private static async Task WriteAsync(HttpContext ctx, SimResponse response, CancellationToken ct)
    {
        ctx.Response.StatusCode = response.Status;
        ctx.Response.ContentType = "application/json;charset=UTF-8";
        ctx.Response.ContentLength = response.Body.Length;
        await ctx.Response.Body.WriteAsync(response.Body, ct);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
