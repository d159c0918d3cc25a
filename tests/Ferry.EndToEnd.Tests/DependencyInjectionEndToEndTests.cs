using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;
using Ferry.Extensions.DependencyInjection;
using Ferry.Htx;
using Ferry.Htx.Transfers;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// <c>AddFerryBinance</c> / <c>AddFerryHtx</c> as a .NET application uses them: options from configuration, checked when
/// the host starts (one sentence naming the field; never the secret), the HTTP handler from IHttpClientFactory's named
/// client (a handler added to it sees every request), the container's TimeProvider, and a move on the simulator.
/// </summary>
public sealed class DependencyInjectionEndToEndTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() }, CancellationToken.None);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private IConfiguration BinanceSection(string? apiKey = ScenarioDocument.DemoApiKey, string? secret = ScenarioDocument.DemoSecret, string? baseAddress = null) =>
        Configuration(("Ferry:Binance:ApiKey", apiKey), ("Ferry:Binance:Secret", secret),
            ("Ferry:Binance:BaseAddress", baseAddress ?? _host.BaseAddress.ToString()), ("Ferry:Binance:RecvWindow", "7000")).GetSection("Ferry:Binance");

    [Fact]
    public async Task A_registered_binance_client_moves_money_through_the_factory_handler_with_the_configured_options()
    {
        var seen = new CountingHandler();
        var services = new ServiceCollection().AddLogging();
        services.AddFerryBinance(BinanceSection());
        services.AddHttpClient(FerryServiceCollectionExtensions.BinanceHttpClient).AddHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<BinanceClient>();
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 3m));

        Assert.IsType<Done<UniversalTransferResult>>(outcome);
        Assert.Same(client, provider.GetRequiredService<BinanceClient>());
        Assert.Equal(7000, client.Options.RecvWindow);
        Assert.True(seen.Requests >= 2, $"the factory's handler saw {seen.Requests} requests (time and transfer expected)");
    }

    [Fact]
    public async Task The_container_time_provider_is_the_clients_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddFerryBinance(BinanceSection());
        await using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<BinanceClient>().Options.Time);
    }

    [Theory]
    [InlineData(null, "secret-that-must-not-show", null, "Binance: 'ApiKey' is missing.")]
    [InlineData("key-1234567890", null, null, "Binance: HMAC signing needs 'Secret'.")]
    [InlineData("key-1234567890", "secret-that-must-not-show", "https://api.example.com", "api.example.com")]
    public async Task Bad_options_stop_the_host_at_start_with_one_sentence_and_no_secret(string? apiKey, string? secret, string? baseAddress, string expected)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFerryBinance(BinanceSection(apiKey, secret, baseAddress));
        await using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-that-must-not-show", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_htx_client_moves_money_on_the_simulator()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFerryHtx(Configuration(("Htx:ApiKey", ScenarioDocument.DemoHtxAccessKey), ("Htx:Secret", ScenarioDocument.DemoHtxSecretKey),
            ("Htx:SpotBaseAddress", _host.BaseAddress.ToString()), ("Htx:SwapBaseAddress", _host.BaseAddress.ToString())).GetSection("Htx"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var outcome = await provider.GetRequiredService<HtxClient>().Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 2m, "USDT"));

        Assert.True(outcome.IsDone, outcome.Describe());
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
