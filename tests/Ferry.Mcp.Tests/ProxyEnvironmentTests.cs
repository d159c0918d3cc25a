using System.Net;
using System.Net.Sockets;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Mcp.Tests;

/// <summary>
/// A request carrying a key connects only to the allowlisted or loopback host itself: with HTTP_PROXY, HTTPS_PROXY and
/// ALL_PROXY (either case) pointing at a loopback "proxy", the real <c>ferry mcp</c> process reads balances and moves
/// money on a loopback simulator, and the proxy sees no connection at all. The variables are set for the child process
/// only.
/// </summary>
public sealed class ProxyEnvironmentTests : IAsyncLifetime
{
    private const string Key = "PROXYtestKEY-5a4b3c2d1e0f9a8b7c6d";
    private const string Secret = "PROXYtestSECRET-0f1e2d3c4b5a6978";
    private readonly TcpListener _proxy = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private Task? _accepting;
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        _proxy.Start();
        _accepting = AcceptAsync();
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "master@example.com",
              "apiKeys": [{"owner": "master@example.com", "apiKey": "{{{Key}}}", "secret": "{{{Secret}}}", "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "balances": [{"owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "100"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _proxy.Stop();
        if (_accepting is not null) await _accepting;
        if (_host is not null) await _host.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Counts every connection the "proxy" is offered and closes it unanswered.</summary>
    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _proxy.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private Dictionary<string, string?> ProxyEverywhere()
    {
        var proxy = $"http://127.0.0.1:{((IPEndPoint)_proxy.LocalEndpoint).Port}";
        var variables = new Dictionary<string, string?> { ["NO_PROXY"] = null, ["no_proxy"] = null };
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY" })
        {
            variables[name] = proxy;
            variables[name.ToLowerInvariant()] = proxy;
        }
        return variables;
    }

    [Fact]
    public async Task Keyed_requests_to_a_loopback_simulator_never_go_to_the_proxy_of_the_environment()
    {
        var home = FerryMcpProcess.NewHome($$"""
            {"accounts": [{"name": "main", "environment": "sim", "baseAddress": "{{_host!.BaseAddress}}", "email": "master@example.com", "apiKey": "{{Key}}", "secret": "{{Secret}}"}]}
            """);
        await using var ferry = await FerryMcpProcess.StartAsync(home, environment: ProxyEverywhere());

        (await ferry.CallAsync("balances")).Ok();
        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "funding" })).Ok().Structured;
        var executed = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Ok().Structured;
        Assert.Equal("done", executed["outcome"]!.GetValue<string>());
        Assert.Equal(0, Volatile.Read(ref _connections));
    }

    [Fact]
    public async Task The_embedded_simulator_is_reached_directly_too()
    {
        await using var ferry = await FerryMcpProcess.StartAsync(environment: ProxyEverywhere());
        (await ferry.CallAsync("balances")).Ok();
        Assert.Equal(0, Volatile.Read(ref _connections));
    }
}
