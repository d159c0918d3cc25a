using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// A mainnet-configured account (default host api.binance.com) is pointed at a loopback simulator through the
/// test-only <see cref="CliEnvironment.MainnetRedirectForTests"/>, so both consent paths run for real.
/// </summary>
public sealed class MainnetConsentTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"mainnet","email":"{{Master}}","apiKey":"{{ScenarioDocument.DemoApiKey}}","secret":"{{ScenarioDocument.DemoSecret}}"}]}""");
        _cli.MainnetRedirect = _host.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    private decimal Funding => _host!.Balances(Master).Where(b => b.Wallet == "FUNDING" && b.Asset == "USDT").Sum(b => b.Amount);

    [Fact]
    public async Task Without_CONFIRM_or_confirm_nothing_is_sent_not_even_to_a_listener()
    {
        // A tripwire: if the refused command sent anything, this loopback listener would see a connection.
        var tripwire = new TcpListener(IPAddress.Loopback, 0);
        tripwire.Start();
        try
        {
            _cli.MainnetRedirect = new Uri($"http://127.0.0.1:{((IPEndPoint)tripwire.LocalEndpoint).Port}");
            var result = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "funding");
            Assert.Equal(4, result.ExitCode);
            Assert.Contains("re-run with --confirm", result.Error);
            Assert.False(tripwire.Pending(), "a refused mainnet move opened a connection");

            var typedWrong = await _cli.RunWithInputAsync("yes\n", "transfer", "10", "USDT", "--from", "spot", "--to", "funding");
            Assert.Equal(4, typedWrong.ExitCode);
            Assert.Contains("not confirmed, so nothing was sent", typedWrong.Error);
            Assert.False(tripwire.Pending(), "an unconfirmed mainnet move opened a connection");
        }
        finally
        {
            tripwire.Stop();
        }
    }

    [Theory]
    [InlineData("CONFIRM \n")]
    [InlineData(" CONFIRM\n")]
    [InlineData("confirm\n")]
    public async Task Only_exactly_CONFIRM_is_consent_as_over_MCP(string typed)
    {
        var before = Funding;
        var result = await _cli.RunWithInputAsync(typed, "transfer", "10", "USDT", "--from", "spot", "--to", "funding");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("not confirmed, so nothing was sent", result.Error);
        Assert.Equal(before, Funding);
    }

    [Fact]
    public async Task The_prompt_shows_what_will_happen_and_typing_CONFIRM_moves_the_money()
    {
        var before = Funding;
        var result = await _cli.RunWithInputAsync("CONFIRM\n", "transfer", "10", "USDT", "--from", "spot", "--to", "funding", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Move 10 USDT from spot to funding on MAINNET with account 'main' via POST /sapi/v1/asset/transfer (MAIN_FUNDING).", result.Error);
        Assert.Contains("Type CONFIRM to proceed: ", result.Error);
        Assert.Equal("done", JsonDocument.Parse(result.Out).RootElement.GetProperty("outcome").GetString());
        Assert.Equal(before + 10, Funding);
        Assert.Empty(_host!.Audit());
    }

    [Fact]
    public async Task A_script_consents_with_the_confirm_flag()
    {
        var before = Funding;
        var result = await _cli.RunAsync("transfer", "7", "USDT", "--from", "spot", "--to", "funding", "--confirm");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Consent given with --confirm", result.Error);
        Assert.Equal(before + 7, Funding);
    }

    [Fact]
    public async Task A_simulator_account_never_asks()
    {
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","email":"{{Master}}","apiKey":"{{ScenarioDocument.DemoApiKey}}","secret":"{{ScenarioDocument.DemoSecret}}"}]}""");
        var result = await _cli.RunWithInputAsync("", "transfer", "1", "USDT", "--from", "spot", "--to", "funding");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CONFIRM", result.All);
    }

    [Fact]
    public void The_redirect_cannot_be_set_from_outside_the_program()
    {
        var property = typeof(CliEnvironment).GetProperty(nameof(CliEnvironment.MainnetRedirectForTests), BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.True(property.GetMethod!.IsAssembly && property.SetMethod!.IsAssembly, "only Ferry.Cli (and its tests) may see it");
        Assert.Null(CliEnvironment.FromProcess().MainnetRedirectForTests);
    }
}
