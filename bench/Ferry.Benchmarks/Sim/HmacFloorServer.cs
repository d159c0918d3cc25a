using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ferry.Benchmarks.Sim;

/// <summary>The floor the simulator's signed GETs are measured against: a bare Kestrel app, built the way the simulator
/// builds its own, that checks the API key header and the HMAC-SHA256 signature over the raw query and answers the
/// empty universal-transfer history. Nothing else: no ledger, no rate buckets, no time window.</summary>
public sealed class HmacFloorServer : IAsyncDisposable
{
    private static readonly byte[] EmptyHistory = "{\"total\":0,\"rows\":[]}"u8.ToArray();
    private readonly WebApplication _app;

    private HmacFloorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the floor listens (loopback, a free port).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the floor on 127.0.0.1, port 0, checking signatures made with <paramref name="apiKey"/>/<paramref name="secret"/>.</summary>
    public static async Task<HmacFloorServer> StartAsync(string apiKey, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(ctx => Answer(ctx, apiKey, secretBytes));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HmacFloorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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
