using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Moves;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Microsoft.Extensions.Logging;

namespace Ferry.Observability.Tests;

/// <summary>
/// A full run through the libraries on the simulator, on one logger factory: a Binance and an HTX transfer through the
/// engine, a sweep of the sub-accounts, a transfer whose answer is lost (error after commit) and then reconciled, a 429, an
/// exchange rejection and a wrong secret. What a leak scan and a telemetry collector both watch.
/// </summary>
public sealed class FerryRun : IAsyncDisposable
{
    public const string Master = "master@example.com";
    public const string WrongSecret = "wrong-secret-that-must-not-show-0123456789";

    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-observe-").FullName;
    private SimulatorHost? _host;

    /// <summary>Every credential the run uses: none may appear in a log line or a tag.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
        [ScenarioDocument.DemoApiKey, ScenarioDocument.DemoSecret, ScenarioDocument.DemoHtxAccessKey, ScenarioDocument.DemoHtxSecretKey, WrongSecret];

    /// <summary>The journal id of the transfer whose answer was lost, reconciled done afterwards.</summary>
    public string UnknownEntryId { get; private set; } = "";

    /// <summary>The journal ids of every leg the engine sent.</summary>
    public List<string> JournalIds { get; } = [];

    public async Task RunAsync(ILoggerFactory loggers, CancellationToken ct)
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() }, ct);
        var connector = new LoopbackVenueConnector(loggers);
        await using var service = new TransferService(new TransferServiceOptions
        {
            Accounts = [Binance(), Htx()],
            OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(Path.Combine(_folder, "journal.db"))),
            Venues = connector,
            Logger = loggers.CreateLogger<TransferService>(),
            Reconcile = new ReconcileOptions { HistoryLagWindow = TimeSpan.Zero },
        });

        foreach (var (from, to, account) in new[] { ("spot", "usdm", "main"), ("htx:spot", "htx:swap", "htx") })
        {
            var run = await service.ExecuteAsync(await service.PlanAsync(Move(5m, from, to), account, ct), ct);
            Assert.Equal(LegState.Done, run.Entry!.State);
            JournalIds.Add(run.Entry.Id);
        }

        var master = service.Account(Venue.Binance, "main");
        var sweep = await service.PlanSweepAsync(new SweepRequest("USDT", WalletAddress.Parse("spot"), Keep: 1m), master, ct);
        Assert.NotEmpty(sweep.Moves);
        var swept = await service.RunMovesAsync(sweep, 2, null, ct);
        Assert.All(swept.Results, r => Assert.Equal(OutcomeKind.Done, r.Outcome));
        JournalIds.AddRange(swept.Results.SelectMany(r => r.JournalIds));

        // The exchange commits the transfer and answers 500: unknown, then reconciled from its history.
        await FaultsAsync("error-after-commit@/sapi/v1/asset/transfer=1", ct);
        var lost = await service.ExecuteAsync(await service.PlanAsync(Move(2m, "spot", "usdm"), "main", ct), ct);
        Assert.Equal(LegState.Unknown, lost.Entry!.State);
        UnknownEntryId = lost.Entry.Id;
        JournalIds.Add(UnknownEntryId);
        await FaultsAsync("", ct);
        var reconciled = Assert.Single(await service.ReconcileAsync(UnknownEntryId, wait: false, ct));
        Assert.Equal(LegState.Done, reconciled.State);

        using var client = Client(ScenarioDocument.DemoSecret, loggers);
        var tooMuch = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 999_999_999m), ct);
        Assert.IsType<Rejected<UniversalTransferResult>>(tooMuch);
        using var wrong = Client(WrongSecret, loggers);
        var refused = await wrong.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1m), ct);
        Assert.Equal("-1022", Assert.IsType<Rejected<UniversalTransferResult>>(refused).Error.Code);

        // Last: the client holds the endpoint back until Retry-After, and nothing after this waits for it.
        await FaultsAsync("throttle@/sapi/v1/asset/transfer=1", ct);
        var throttled = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1m), ct);
        Assert.Equal(429, Assert.IsType<Rejected<UniversalTransferResult>>(throttled).Error.HttpStatus);
        await FaultsAsync("", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private AccountDefinition Binance() =>
        new("main", Venue.Binance, AccountEnvironment.Sim, _host!.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), Master,
            SubAccounts: ["alice@example.com", "bob@example.com"]);

    private AccountDefinition Htx() =>
        new("htx", Venue.Htx, AccountEnvironment.Sim, _host!.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoHtxAccessKey, new SecretText(ScenarioDocument.DemoHtxSecretKey), SigningKind.Hmac), Master);

    private BinanceClient Client(string secret, ILoggerFactory loggers) =>
        new(new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(secret), SigningKind.Hmac), new BinanceClientOptions
        {
            BaseAddress = _host!.BaseAddress,
            RateLimitedGetRetries = 0,
            Logger = loggers.CreateLogger<BinanceClient>(),
        });

    private static TransferRequest Move(decimal amount, string from, string to) => new(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to));

    /// <summary>Replaces the simulator's fault plan through its loopback admin path ("" clears it).</summary>
    private async Task FaultsAsync(string spec, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(_host!.BaseAddress, "/_sim/faults?seed=7&spec=" + Uri.EscapeDataString(spec)), null, ct);
        answer.EnsureSuccessStatusCode();
    }
}
