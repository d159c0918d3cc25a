using System.Net;
using Ferry.Server.Api;
using Ferry.Server.Dashboard;
using Ferry.Server.Endpoints;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ferry.Server;

/// <summary>
/// <c>ferry serve</c>'s HTTP API: minimal APIs on Kestrel under <c>/api/v1</c>, described by the OpenAPI document at
/// <c>/openapi/v1.json</c>. Every request opens the engine's door (<see cref="Ferry.Engine.Service.TransferService"/>)
/// for itself; who may call is decided before any endpoint runs (<see cref="ApiAccess"/>). It binds loopback unless told
/// otherwise, and refuses any other address while no API token is configured. The dashboard's pages are served beside
/// <c>/api</c> on the same host, over the same context (namespace Ferry.Server.Dashboard).
/// </summary>
public sealed class FerryServer : IAsyncDisposable
{
    /// <summary>The Content-Security-Policy of every dashboard page.</summary>
    public const string PageSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private readonly WebApplication _app;
    private readonly ServerContext _server;

    private FerryServer(WebApplication app, ServerContext server, Uri baseAddress)
    {
        _app = app;
        _server = server;
        BaseAddress = baseAddress;
    }

    /// <summary>The address it listens on, with the port chosen when 0 was asked.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts listening; throws <see cref="ServerStartException"/> with one sentence when it may not or cannot.</summary>
    public static async Task<FerryServer> StartAsync(FerryServerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = Listen(options.Url, options.Tokens);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.Log is { } log) builder.Logging.AddProvider(log);
        builder.WebHost.UseKestrel(k => k.Listen(endpoint));
        // The dashboard's anti-forgery tokens are protected by keys that live as long as the server (nothing written to disk).
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ferry_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = FormGuard.FieldName;
            o.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Add(OpenApiJsonContext.Default);
        });
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ferry API";
            document.Info.Description = "Plan and execute exactly-once moves between exchange wallets; read balances, history and the journal. Money is strings of exact decimals.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        var server = new ServerContext(options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ferry.Server"));
        app.Use(async (context, next) =>
        {
            // Nothing here is for a browser to frame, sniff or cache; the API runs no script at all, and a dashboard page
            // only the server's own script and stylesheet (nothing inline), posting forms only to itself.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = PageAccess.IsPage(context.Request.Path) ? PageSecurityPolicy : "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            // A page's own form posts keep their Origin (no-referrer would send "null", which the form check refuses).
            headers["Referrer-Policy"] = PageAccess.IsPage(context.Request.Path) ? "same-origin" : "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.Use((context, next) => ApiErrors.HandleAsync(context, () => next(context), server.Logger));
        app.UseRouting();
        app.Use((context, next) => PageAccess.IsPage(context.Request.Path)
            ? PageAccess.HandleAsync(context, options.Tokens, () => next(context))
            : ApiAccess.HandleAsync(context, options.Tokens, () => next(context)));

        var api = app.MapGroup("/api/v1");
        ReadEndpoints.Map(api, server);
        PlanEndpoints.Map(api, server);
        JournalEndpoints.Map(api, server);
        EventEndpoints.Map(api, server);
        app.MapOpenApi("/openapi/{documentName}.json");
        DashboardAssets.Map(app);
        LoginPage.Map(app, options.Tokens);
        BalancePage.Map(app, server);
        JournalPage.Map(app, server);
        PlanPages.Map(app, server);
        FlowPage.Map(app, server);
        ApprovalsPage.Map(app, server);
        app.MapFallback(context => throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent,
            $"There is no endpoint {context.Request.Method} {context.Request.Path}; GET /openapi/v1.json lists them"));

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ServerStartException($"Ferry cannot listen on {options.Url.GetLeftPart(UriPartial.Authority)} ({e.Message.TrimEnd('.')}); choose another --urls port, or 0 for any free port.", badInput: false);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FerryServer(app, server, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Throws <see cref="ServerStartException"/> when the server may not or cannot listen on <paramref name="url"/>,
    /// so a front end can refuse before it starts anything else.</summary>
    public static void RequireListenable(Uri url, ApiTokenStore tokens) => Listen(url, tokens);

    /// <summary>Where to listen: loopback always may; any other address only with at least one token configured.</summary>
    private static IPEndPoint Listen(Uri url, ApiTokenStore tokens)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tokens);
        if (url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/" || url.Query.Length > 0)
            throw new ServerStartException($"--urls '{url}' is not an address Ferry listens on; give http://HOST:PORT (put TLS in front with a reverse proxy).", badInput: true);
        var host = url.Host.Trim('[', ']');
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : throw new ServerStartException($"--urls host '{url.Host}' is not an IP address or localhost; give e.g. http://127.0.0.1:8480 or http://0.0.0.0:8480.", badInput: true);
        if (!IPAddress.IsLoopback(address) && !tokens.Any())
        {
            throw new ServerStartException(
                $"Listening on {url.Host} (not loopback) needs at least one API token, so nobody on the network can call without one; add one with 'ferry serve token add NAME --scope read|plan|execute'.",
                badInput: false);
        }
        return new IPEndPoint(address, url.Port);
    }

    /// <summary>Every API endpoint it maps (method and route pattern), so a test can hold the OpenAPI document to them.</summary>
    internal IReadOnlyList<(string Method, string Pattern)> ApiRoutes =>
    [
        .. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!))),
    ];

    /// <summary>Stops listening; requests in flight and runs the dashboard started finish first.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await _app.StopAsync(ct).ConfigureAwait(false);
        await _server.Runs.DrainAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
