namespace Ferry.Benchmarks.Serve;

/// <summary>The floor the service's reads are measured against: a <see cref="BareKestrel"/> app that answers every
/// request with the same JSON bytes (the service's own answer, recorded once). No routing, no engine, no journal, no
/// venue call.</summary>
public static class StaticFloorServer
{
    /// <summary>Starts the floor answering <paramref name="body"/> to everything.</summary>
    public static Task<BareKestrel> StartAsync(byte[] body) => BareKestrel.StartAsync(ctx =>
    {
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).AsTask();
    });
}
