using Ferry.Cli.Sessions;

namespace Ferry.Cli.Tests;

/// <summary>The handler in front of a simulator kept only in memory passes reads and refuses writes before they leave.</summary>
public sealed class ReadOnlyRequestsHandlerTests
{
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task A_get_passes_and_a_post_is_refused_without_reaching_the_simulator()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new ReadOnlyRequestsHandler(inner)) { BaseAddress = new Uri("http://127.0.0.1/") };

        using var read = await client.GetAsync("_sim/balances");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostAsync("sapi/v1/asset/transfer", new StringContent("")));

        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, inner.Sent);
        Assert.Contains("POST /sapi/v1/asset/transfer", refused.Message);
    }
}
