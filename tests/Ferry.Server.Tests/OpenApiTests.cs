using System.Net;

namespace Ferry.Server.Tests;

/// <summary>The OpenAPI document is the API's reference: it lists every endpoint the server maps.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        await using var api = await ApiHarness.StartAsync();

        var response = await api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await ApiHarness.JsonAsync(response)).GetProperty("paths");
        var documented = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();
        var mapped = api.Server.ApiRoutes.Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.Equal(13, mapped.Count);
        Assert.All(mapped, route => Assert.Contains(route, documented));
        Assert.Equal(mapped.Count, documented.Count);
        var events = paths.GetProperty("/api/v1/events").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(events.TryGetProperty("text/event-stream", out _), "the live events are documented as text/event-stream");
    }
}
