using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Balances;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Server.Security;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Server.Tests;

/// <summary>
/// One server over one simulator, both on loopback port 0, with a private folder for the journal and the token file:
/// the accounts "main" (Binance simulator master), "htx" (HTX simulator) and "live" (a MAINNET account whose requests
/// would go to Binance itself: no test may ever open it). Every response and log line is kept for the leak scan.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    public const string Master = "master@example.com";
    public const string Alice = "alice@example.com";
    public const string LiveKey = "LEAKliveKEY-0a1b2c3d4e5f6071-ASDFGHjkl";
    public const string LiveSecret = "LEAKliveSECRET-9e8d7c6b5a-LKJHGFdsa0";

    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-server-").FullName;
    private FerryServer? _server;

    private ApiHarness(SimulatorHost host) => Host = host;

    public SimulatorHost Host { get; }

    /// <summary>The plans' clock: starts now (the simulator's time) and moves only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ApiTokenStore Tokens => new(Path.Combine(_folder, "server-tokens.json"), Clock);

    public string TokenFile => Path.Combine(_folder, "server-tokens.json");

    public HttpClient Client { get; private set; } = null!;

    public FerryServer Server => _server!;

    /// <summary>Every account a session was opened for, in order: "live" must never appear.</summary>
    public ConcurrentQueue<string> Opened { get; } = new();

    /// <summary>Every log line the server wrote.</summary>
    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>Every response body and header the tests saw.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    public static async Task<ApiHarness> StartAsync(Action<ApiHarness>? before = null, Uri? url = null)
    {
        var harness = new ApiHarness(await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() }, CancellationToken.None));
        before?.Invoke(harness);
        harness._server = await FerryServer.StartAsync(harness.Options(url ?? new Uri("http://127.0.0.1:0")), CancellationToken.None);
        harness.Client = new HttpClient { BaseAddress = harness._server.BaseAddress };
        return harness;
    }

    public FerryServerOptions Options(Uri url) => new()
    {
        Url = url,
        OpenService = OpenService,
        Tokens = Tokens,
        Time = Clock,
        DefaultAccount = "main",
        Log = new ListLoggerProvider(LogLines),
        SimulatorBalances = (_, _) => Task.FromResult<IReadOnlyList<AccountBalance>>(
            [.. Host.Balances().Select(r => new AccountBalance(r.Owner, r.Wallet, r.Symbol, r.Asset, r.Amount, r.Amount))]),
    };

    public IReadOnlyList<AccountDefinition> Accounts =>
    [
        new("main", Venue.Binance, AccountEnvironment.Sim, Host.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), Master, SubAccounts: [Alice]),
        new("htx", Venue.Htx, AccountEnvironment.Sim, Host.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoHtxAccessKey, new SecretText(ScenarioDocument.DemoHtxSecretKey), SigningKind.Hmac), Master),
        LiveOnSimulator
            ? new("live", Venue.Binance, AccountEnvironment.Mainnet, Host.BaseAddress,
                new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), Master)
            : new("live", Venue.Binance, AccountEnvironment.Mainnet, new Uri("https://api.binance.com/"),
                new ApiCredentials(LiveKey, new SecretText(LiveSecret), SigningKind.Hmac), "live@example.com"),
    ];

    /// <summary>"live" stays a MAINNET account but sends to the simulator as its master (the consent tests run a confirmed
    /// mainnet plan); false: it would go to Binance itself and is never opened.</summary>
    public bool LiveOnSimulator { get; set; }

    /// <summary>Every secret the server could hold: none may appear in a response or a log line.</summary>
    public IReadOnlyList<string> Secrets =>
        [ScenarioDocument.DemoApiKey, ScenarioDocument.DemoSecret, ScenarioDocument.DemoHtxAccessKey, ScenarioDocument.DemoHtxSecretKey, LiveKey, LiveSecret];

    /// <summary>The transfer policy the server's services check moves against (none: every move allowed).</summary>
    public Ferry.Engine.Policy.TransferPolicy? Policy { get; set; }

    private TransferService OpenService(Ferry.Engine.Policy.Requester requester) => new(new TransferServiceOptions
    {
        Accounts = Accounts,
        OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(JournalPath)),
        Venues = new RecordingConnector(this),
        Requester = requester,
        LoadPolicy = () => Policy,
    });

    public string JournalPath => Path.Combine(_folder, "journal.db");

    /// <summary>The journal's entries now (none when it was never opened).</summary>
    public IReadOnlyList<JournalEntry> Journal()
    {
        if (!File.Exists(JournalPath)) return [];
        using var journal = SqliteTransferJournal.Open(JournalPath);
        return journal.List();
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null, string? token = null, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, json is null ? null : new StringContent(json, Encoding.UTF8, contentType), token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? token, string? host = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (host is not null) request.Headers.Host = host;
        var response = await Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        Seen.Enqueue(response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync());
        return response;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Plans <paramref name="amount"/> USDT from spot to usdm with "main" and returns the plan id.</summary>
    public async Task<string> PlanSpotToUsdmAsync(string amount = "5", string? token = null, string account = "main")
    {
        var response = await PostAsync("/api/v1/plans/transfer", $$"""{"amount":"{{amount}}","asset":"USDT","from":"spot","to":"usdm","account":"{{account}}"}""", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("planId").GetString()!;
    }

    public decimal Held(string owner, string wallet, string asset = "USDT") =>
        Host.Balances(owner).Where(r => r.Wallet == wallet && r.Asset == asset && r.Symbol is null).Sum(r => r.Amount);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class RecordingConnector(ApiHarness harness) : IVenueConnector, IAsyncDisposable
    {
        private readonly LoopbackVenueConnector _inner = new();

        public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
        {
            harness.Opened.Enqueue(account.Name);
            if (account.Environment == AccountEnvironment.Mainnet && !harness.LiveOnSimulator)
                throw new TransferRefusedException("This test never opens a mainnet account.");
            return _inner.OpenAsync(account, ct);
        }

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
