using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ferry.Cli.Tests.Support;

/// <summary>
/// A loopback proxy in front of the simulator that holds the answer to the first POST on one path: the request reaches the
/// simulator (the move commits), then the answer waits until the test releases it. So a test knows for certain that a move
/// is in flight (committed, its answer not yet read) before it pauses the process that sent it. Counts the POSTs per path.
/// </summary>
public sealed class HoldingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly string _heldPath;
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _posts = new(StringComparer.Ordinal);
    private bool _holding;

    private HoldingProxy(WebApplication app, string heldPath)
    {
        _app = app;
        _heldPath = heldPath;
    }

    /// <summary>Where clients send their requests.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Completes once the held POST has been answered by the simulator (the move committed) and its answer is held.</summary>
    public Task Committed => _committed.Task;

    /// <summary>How many POSTs reached the simulator on <paramref name="path"/>.</summary>
    public int Posts(string path)
    {
        lock (_gate) return _posts.GetValueOrDefault(path);
    }

    /// <summary>Lets the held answer go to its client.</summary>
    public void Release() => _release.TrySetResult();

    public static async Task<HoldingProxy> StartAsync(Uri simulator, string heldPath)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new HoldingProxy(app, heldPath);
        app.Run(ctx => proxy.ForwardAsync(ctx, simulator));
        await app.StartAsync();
        var address = app.Urls.First();
        proxy.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    private async Task ForwardAsync(HttpContext ctx, Uri simulator)
    {
        var path = ctx.Request.Path.Value ?? "/";
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), new Uri(simulator, path.TrimStart('/') + ctx.Request.QueryString.Value));
        using var body = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(body);
        if (body.Length > 0) request.Content = new ByteArrayContent(body.ToArray());
        foreach (var header in ctx.Request.Headers)
        {
            if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            else if (!header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        var hold = false;
        if (HttpMethods.IsPost(ctx.Request.Method))
        {
            lock (_gate)
            {
                _posts[path] = _posts.GetValueOrDefault(path) + 1;
                hold = path == _heldPath && !_holding;
                _holding |= hold;
            }
        }
        using var answer = await _upstream.SendAsync(request, CancellationToken.None);
        var content = await answer.Content.ReadAsByteArrayAsync();
        if (hold)
        {
            _committed.TrySetResult();
            await _release.Task;
        }
        ctx.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) ctx.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await ctx.Response.Body.WriteAsync(content);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
