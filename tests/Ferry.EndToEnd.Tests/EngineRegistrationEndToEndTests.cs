using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Extensions.DependencyInjection;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// <c>AddFerry</c>: the engine's <see cref="TransferService"/> from the container — accounts and journal checked when the
/// host starts (one sentence, never a key), the container's clock on the service and its journal, and a journaled move on
/// the simulator.
/// </summary>
public sealed class EngineRegistrationEndToEndTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-addferry-").FullName;
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private AccountDefinition Main(AccountEnvironment environment = AccountEnvironment.Sim) =>
        new("main", Venue.Binance, environment, _host.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), "master@example.com");

    [Fact]
    public async Task A_registered_engine_journals_and_sends_a_move_with_the_containers_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddFerry(o =>
        {
            o.Accounts.Add(Main());
            o.JournalPath = Path.Combine(_folder, "journal.db");
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var ferry = provider.GetRequiredService<TransferService>();

        var proposal = await ferry.PlanAsync(new TransferRequest(4m, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse("usdm")), "main", CancellationToken.None);
        var run = await ferry.ExecuteAsync(proposal, CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, run.LastSend!.Kind);
        Assert.Equal(LegState.Done, run.Entry!.State);
        Assert.Same(clock, ferry.Time);
        Assert.Equal(clock.GetUtcNow(), run.Entry.CreatedAt);
        Assert.Equal("token:service", run.Entry.Leg.Requester?.ToString());
    }

    [Theory]
    [InlineData("none", "Ferry engine: no account is configured")]
    [InlineData("no-journal", "Ferry engine: 'JournalPath' is missing")]
    [InlineData("missing-folder", "does not exist")]
    [InlineData("testnet", "Binance's testnet does not serve /sapi endpoints")]
    public async Task Bad_engine_options_stop_the_host_at_start_with_one_sentence_and_no_key(string bad, string expected)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFerry(o =>
        {
            if (bad != "none") o.Accounts.Add(Main(bad == "testnet" ? AccountEnvironment.Testnet : AccountEnvironment.Sim));
            o.JournalPath = bad switch
            {
                "no-journal" => null,
                "missing-folder" => Path.Combine(_folder, "no-such-folder", "journal.db"),
                _ => Path.Combine(_folder, "journal.db"),
            };
        });
        await using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioDocument.DemoApiKey, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioDocument.DemoSecret, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "journal.db")), "nothing is written before the options pass");
    }
}
