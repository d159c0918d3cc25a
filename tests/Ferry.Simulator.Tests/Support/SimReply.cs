using System.Net;
using System.Text.Json;

namespace Ferry.Simulator.Tests.Support;

/// <summary>A response read back in the test: status, parsed JSON, headers.</summary>
public sealed record SimReply(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Message)
{
    public int Code => Json.GetProperty("code").GetInt32();

    public string Msg => Json.GetProperty("msg").GetString()!;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public static async Task<SimReply> ReadAsync(HttpResponseMessage message)
    {
        var text = await message.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return new SimReply(message.StatusCode, doc.RootElement.Clone(), message);
    }

    public void AssertError(int status, int code, string msg)
    {
        Assert.Equal(status, (int)Status);
        Assert.Equal(code, Code);
        Assert.Equal(msg, Msg);
    }
}
