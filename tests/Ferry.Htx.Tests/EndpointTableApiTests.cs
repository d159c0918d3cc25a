using Ferry.Htx.Tests.Support;

namespace Ferry.Htx.Tests;

/// <summary>
/// Code outside the client (the engine's leg descriptions, docs, tools) reads the transfer endpoint's method, path and
/// rate from the public table instead of repeating them; these are the values it gets.
/// </summary>
public sealed class EndpointTableApiTests : IDisposable
{
    private readonly HtxTestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public void The_transfer_endpoint_names_its_method_path_and_rate()
    {
        var row = HtxEndpoints.SpotSwapTransfer;

        Assert.Equal("POST /v2/account/transfer", row.ToString());
        Assert.Equal((HttpMethod.Post, "/v2/account/transfer"), (row.Method, row.Path));
        Assert.Equal((1, TimeSpan.FromSeconds(1)), (row.RequestsPerWindow, row.Window));
        Assert.Same(row, Assert.Single(HtxEndpoints.All, e => e.Name == nameof(HtxEndpoints.SpotSwapTransfer)));
    }

    [Fact]
    public void A_client_s_copy_of_the_table_carries_the_configured_rate()
    {
        var client = _clients.Create(o => o.TransfersPerSecond = 5);

        var row = client.Endpoints[HtxEndpoints.SpotSwapTransfer.Id];

        Assert.Equal((HtxEndpoints.SpotSwapTransfer.Path, 5), (row.Path, row.RequestsPerWindow));
    }
}
