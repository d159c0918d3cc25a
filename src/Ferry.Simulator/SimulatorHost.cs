using System.Net;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Htx;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ferry.Simulator;

/// <summary>A running simulator: Kestrel on 127.0.0.1 serving the simulated Binance and HTX endpoints over one ledger.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimLedger _ledger;
    private readonly SqliteStateStore? _store;
    private readonly ManagedSubAccountBook _managed;
    private bool _stopped;

    private SimulatorHost(WebApplication app, SimLedger ledger, SqliteStateStore? store, Uri baseAddress, ManagedSubAccountBook managed,
        Ferry.Simulator.Faults.FaultInjector faults)
    {
        _app = app;
        _ledger = ledger;
        _store = store;
        _managed = managed;
        BaseAddress = baseAddress;
        Faults = faults;
    }

    /// <summary>The fault injector (issue #7): its plan can be replaced while the simulator runs.</summary>
    public Ferry.Simulator.Faults.FaultInjector Faults { get; }

    /// <summary>Where the simulator listens, e.g. http://127.0.0.1:5123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Loads or seeds the state, binds 127.0.0.1 on the requested port and starts serving.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RateLimits.Validate();
        options.Htx.Validate();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be 0..65535.");

        SqliteStateStore? store = null;
        SimState state;
        if (options.StatePath is null)
        {
            state = SimState.FromScenario(options.Scenario);
        }
        else
        {
            (store, state) = SqliteStateStore.Open(options.StatePath, options.Scenario);
        }
        // Fault injection (issue #7): one skewable clock for everything, and the injector wrapping both gateways.
        var clock = new Ferry.Simulator.Faults.SkewClock(options.Time);
        var faults = new Ferry.Simulator.Faults.FaultInjector(options.Faults ?? options.Scenario?.Faults ?? Ferry.Simulator.Faults.FaultPlan.None,
            options.Faults is null && options.Scenario?.Faults is not null ? options.Scenario.FaultSeed : options.FaultSeed, clock);
        options = options.WithTime(clock);
        try
        {
            var ledger = new SimLedger(state.Ledger, (ILedgerStore?)store ?? MemoryLedgerStore.Instance, options.Time);
            ledger.HistoryLag = faults.HistoryLagOf;
            var subAccounts = OpenSubAccountBook(ledger, store, options);
            subAccounts.UseKeyOwners(state.Keys.Select(k => new KeyValuePair<string, string>(k.ApiKey, k.Owner)));
            var managed = OpenManagedSubAccountBook(ledger, subAccounts, store, options);
            var buckets = new WeightBuckets(options.Time, options.RateLimits.Window);
            var gateway = new BinanceGateway(
                BinanceEndpoints.Create(ledger, options.RateLimits, subAccounts, managed), new KeyRing(state.Keys),
                buckets, options.RateLimits, options.Time, subAccounts.KeyAllowedFrom);
            var htxBook = new HtxBook(state.Htx);
            var htx = new HtxGateway(HtxEndpoints.Create(ledger, htxBook, options.Htx), htxBook, options.Htx, options.Time);

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(IPAddress.Loopback, options.Port);
            });
            var app = builder.Build();
            // Scheduled work (managed sub-account withdrawals, issue #5) runs before every request, on the injected clock;
            // then the fault injector (issue #7) decides what becomes of the request.
            app.Run(ctx =>
            {
                managed.RunDue();
                return faults.HandleAsync(ctx, c => HtxGateway.Serves(c.Request.Path) ? htx.HandleAsync(c) : gateway.HandleAsync(c));
            });
            await app.StartAsync(ct).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.First();
            return new SimulatorHost(app, ledger, store, new Uri(address.TrimEnd('/') + "/"), managed, faults) { _buckets = buckets };
        }
        catch
        {
            store?.Dispose();
            throw;
        }
    }

    /// <summary>The sub-account book (issue #4), over the same state file as the ledger when there is one.</summary>
    private static SubAccountBook OpenSubAccountBook(SimLedger ledger, SqliteStateStore? store, SimulatorOptions options)
    {
        var now = options.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var (bookStore, bookState) = store is null
            ? ((ISubAccountBookStore)MemorySubAccountBookStore.Instance, SubAccountBookSeed.FromScenario(options.Scenario, now))
            : SubAccountBookStore.Open(store.Connection, options.Scenario, now);
        return new SubAccountBook(ledger, bookState, bookStore, options.Time);
    }

    /// <summary>The managed sub-account book (issue #5), over the same state file as the ledger when there is one.</summary>
    private static ManagedSubAccountBook OpenManagedSubAccountBook(SimLedger ledger, SubAccountBook subAccounts, SqliteStateStore? store, SimulatorOptions options)
    {
        var now = options.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var (bookStore, bookState) = store is null
            ? ((IManagedSubAccountBookStore)MemoryManagedSubAccountBookStore.Instance, ManagedSubAccountBookSeed.FromScenario(options.Scenario, now))
            : ManagedSubAccountBookStore.Open(store.Connection, options.Scenario, now);
        return new ManagedSubAccountBook(ledger, subAccounts, bookState, bookStore, options.Time);
    }

    // Rate-limit records (issue #9).
    private WeightBuckets? _buckets;

    /// <summary>How many Binance requests the rate limiter refused with 429 since the start (fault-injected 429s not included).</summary>
    public long Throttled => _buckets?.ThrottledCount() ?? 0;

    /// <summary>The weight each Binance rate bucket was charged per window since the start, oldest first.</summary>
    public IReadOnlyList<SimWindowUsage> RateUsage() => _buckets?.Usage() ?? [];

    /// <summary>Runs the scheduled work that is due on the simulator's clock (managed sub-account withdrawals whose transfer
    /// date has begun) and returns how many items ran. Every request runs it too; tests call it after moving the clock.</summary>
    public int RunScheduledWork() => _managed.RunDue();

    /// <summary>Per asset, the sum over every wallet of every user.</summary>
    public IReadOnlyDictionary<string, decimal> Totals() => _ledger.Totals();

    /// <summary>Non-zero balances, optionally of one owner (e-mail, case-insensitive).</summary>
    public IReadOnlyList<SimBalanceRow> Balances(string? owner = null) =>
        [.. _ledger.Balances(owner).Select(b =>
            new SimBalanceRow(b.Key.Wallet.Owner, WalletNames.Name(b.Key.Wallet.Wallet), b.Key.Wallet.Symbol, b.Key.Asset, b.Value))];

    /// <summary>Every committed move, oldest first, regardless of history lag (issue #7: the soak runner's ground truth).</summary>
    public IReadOnlyList<LedgerMove> History() => _ledger.Snapshot().History;

    /// <summary>Invariant violations (totals, ids, history replay); empty when healthy.</summary>
    public IReadOnlyList<string> Audit() => LedgerAuditor.Check(_ledger.Snapshot());

    /// <summary>Stops serving and closes the state file. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_stopped) return;
        _stopped = true;
        try
        {
            await _app.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _store?.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
