using System.Net;
using System.Text.Json;

namespace Ferry.Server.Tests;

/// <summary>What every refusal must look like: problem+json, the status, Ferry's kind, the outcome, and one sentence.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string kind, string outcome = "not-sent")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal(outcome, problem.GetProperty("outcome").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.EndsWith(".", detail);
        Assert.DoesNotContain('\n', detail);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
        return problem;
    }
}
