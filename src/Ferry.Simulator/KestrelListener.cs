using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ferry.Simulator;

/// <summary>
/// Kestrel on 127.0.0.1 running the simulator's request pipeline. Its own type so that an in-process simulator, which
/// never listens, never loads the web host's assemblies (a method that names WebApplication loads them when compiled).
/// </summary>
internal sealed class KestrelListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelListener(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:5123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Binds 127.0.0.1:<paramref name="port"/> (0: any free port) and serves <paramref name="pipeline"/>.</summary>
    public static async Task<KestrelListener> StartAsync(RequestDelegate pipeline, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(pipeline);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KestrelListener(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening (requests in flight finish or are cut at <paramref name="ct"/>).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        try
        {
            await _app.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));
}
