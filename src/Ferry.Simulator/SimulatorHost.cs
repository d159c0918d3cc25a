using Ferry.Simulator.Binance;
using Ferry.Simulator.Binance.Handlers;
using Ferry.Simulator.Htx;
using Ferry.Simulator.Htx.Handlers;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Persistence;
using Microsoft.AspNetCore.Http;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator;

/// <summary>A running simulator: the simulated Binance and HTX endpoints over one ledger, served by Kestrel on 127.0.0.1
/// (<see cref="StartAsync"/>) or only in this process through <see cref="CreateHandler"/> (<see cref="StartInProcess"/>).</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly RequestDelegate _pipeline;
    private readonly SimLedger _ledger;
    private readonly WeightBuckets _buckets;
    private KestrelListener? _listener;
    private readonly StateFile? _file;
    private readonly StateAccess _state;
    private bool _stopped;

    private SimulatorHost(RequestDelegate pipeline, SimLedger ledger, StateFile? file, StateAccess state, Ferry.Simulator.Faults.FaultInjector faults, WeightBuckets buckets)
    {
        _pipeline = pipeline;
        _ledger = ledger;
        _file = file;
        _state = state;
        _buckets = buckets;
        Faults = faults;
    }

    /// <summary>The fault injector: its plan can be replaced while the simulator runs.</summary>
    public Ferry.Simulator.Faults.FaultInjector Faults { get; }

    /// <summary>Where the simulator listens, e.g. http://127.0.0.1:5123/; <see cref="InProcessAddress"/> when it listens nowhere.</summary>
    public Uri BaseAddress { get; private set; } = InProcessAddress;

    /// <summary>Loads or seeds the state, binds 127.0.0.1 on the requested port and starts serving. Several hosts (in
    /// several processes) may serve one state file at once: each sees every move the others commit.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        var host = Open(options);
        try
        {
            host._listener = await KestrelListener.StartAsync(host._pipeline, options.Port, ct).ConfigureAwait(false);
            host.BaseAddress = host._listener.BaseAddress;
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Loads or seeds the state like <see cref="StartAsync"/> but listens nowhere: requests reach it only through
    /// <see cref="CreateHandler"/>, in this process, through the same fault injector, gateways and handlers as over
    /// Kestrel. <see cref="BaseAddress"/> is <see cref="InProcessAddress"/>. For a command that needs the simulator for
    /// a moment: no web host, no socket, no port.
    /// </summary>
    public static SimulatorHost StartInProcess(SimulatorOptions options)
    {
        var host = Open(options);
        host.BaseAddress = InProcessAddress;
        return host;
    }

    /// <summary>The address of an in-process simulator: loopback, so the clients' key-host check passes, but nothing
    /// listens there; only <see cref="CreateHandler"/> reaches it.</summary>
    public static Uri InProcessAddress { get; } = new("http://127.0.0.1/");

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that hands each request to this simulator without a socket: the request's
    /// method, target, headers and body bytes become an ASP.NET Core request from 127.0.0.1 and the answer's status,
    /// headers and bytes come back. A fault that drops the connection throws <see cref="HttpRequestException"/> as a
    /// reset connection would. Works whether or not the simulator also listens; dispose it when done.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new InProcessSimulatorHandler(_pipeline);

    private static SimulatorHost Open(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RateLimits.Validate();
        options.Htx.Validate();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be 0..65535.");
        if (options.StateLockTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "StateLockTimeout must be positive.");

        // Fault injection: one skewable clock for everything, and the injector wrapping both gateways.
        var clock = new Ferry.Simulator.Faults.SkewClock(options.Time);
        var faults = new Ferry.Simulator.Faults.FaultInjector(options.Faults ?? options.Scenario?.Faults ?? Ferry.Simulator.Faults.FaultPlan.None,
            options.Faults is null && options.Scenario?.Faults is not null ? options.Scenario.FaultSeed : options.FaultSeed, clock);
        options = options.WithTime(clock);
        var now = options.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var file = options.StatePath is null ? null : StateFile.Open(options.StatePath, options.StateLockTimeout, options.Scenario, now);
        try
        {
            var (state, subState, managedState) = file?.Loaded
                ?? (SimState.FromScenario(options.Scenario), SubAccountBookSeed.FromScenario(options.Scenario, now),
                    ManagedSubAccountBookSeed.FromScenario(options.Scenario, now));

            var ledger = new SimLedger(state.Ledger, file?.LedgerStore ?? MemoryLedgerStore.Instance, options.Time);
            ledger.HistoryLag = faults.HistoryLagOf;
            ledger.HistoryLagActive = () => faults.DelaysHistory;
            var subAccounts = new SubAccountBook(ledger, subState, file?.SubAccountStore ?? MemorySubAccountBookStore.Instance, options.Time);
            subAccounts.IpRestrictions.UseKeyOwners(state.Keys.Select(k => new KeyValuePair<string, string>(k.ApiKey, k.Owner)));
            var managed = new ManagedSubAccountBook(ledger, subAccounts, managedState,
                file?.ManagedStore ?? MemoryManagedSubAccountBookStore.Instance, options.Time);
            // Another process serving the same file committed: memory becomes what the file holds.
            file?.ReloadInto(ledger, subAccounts, managed, options.Scenario, options.Time);
            var access = new StateAccess(file?.Gate ?? MemoryStateGate.Instance, managed);
            var buckets = new WeightBuckets(options.Time, options.RateLimits.Window);
            var gateway = new BinanceGateway(
                BinanceEndpoints.Create(ledger, options.RateLimits, subAccounts, managed, state.Htx?.Users), new KeyRing(state.Keys),
                buckets, options.RateLimits, options.Time, access, subAccounts.IpRestrictions.KeyAllowedFrom, options.BeforeStateTurn);
            var htxBook = new HtxBook(state.Htx);
            var htx = new HtxGateway(HtxEndpoints.Create(ledger, htxBook, options.Htx), htxBook, options.Htx, options.Time, access);

            // The fault injector decides what becomes of each request; scheduled work (managed sub-account withdrawals)
            // runs inside the state gate before the handler, on the injected clock.
            RequestDelegate pipeline = ctx => faults.HandleAsync(ctx, c => HtxGateway.Serves(c.Request.Path) ? htx.HandleAsync(c) : gateway.HandleAsync(c));
            return new SimulatorHost(pipeline, ledger, file, access, faults, buckets);
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    /// <summary>How many Binance requests the rate limiter refused with 429 since the start (fault-injected 429s not included).</summary>
    public long Throttled => _buckets.ThrottledCount();

    /// <summary>The weight each Binance rate bucket was charged per window since the start, oldest first.</summary>
    public IReadOnlyList<SimWindowUsage> RateUsage() => _buckets.Usage();

    /// <summary>Runs the scheduled work that is due on the simulator's clock (managed sub-account withdrawals whose transfer
    /// date has begun) and returns how many items ran. Every request runs it too; tests call it after moving the clock.</summary>
    public int RunScheduledWork() => _state.RunScheduledWork();

    // The inspection methods read through the state gate, so they include moves other processes committed to the file.

    /// <summary>Per asset, the sum over every wallet of every user.</summary>
    public IReadOnlyDictionary<string, decimal> Totals() => _state.Read(_ledger.Totals);

    /// <summary>Non-zero balances, optionally of one owner (e-mail, case-insensitive).</summary>
    public IReadOnlyList<SimBalanceRow> Balances(string? owner = null) =>
        [.. _state.Read(() => _ledger.Balances(owner)).Select(b =>
            new SimBalanceRow(b.Key.Wallet.Owner, WalletNames.Name(b.Key.Wallet.Wallet), b.Key.Wallet.Symbol, b.Key.Asset, b.Value))];

    /// <summary>Every committed move, oldest first, regardless of history lag (the soak runner's ground truth).</summary>
    public IReadOnlyList<LedgerMove> History() => _state.Read(_ledger.Snapshot).History;

    /// <summary>Invariant violations (totals, ids, history replay); empty when healthy.</summary>
    public IReadOnlyList<string> Audit() => LedgerAuditor.Check(_state.Read(_ledger.Snapshot));

    /// <summary>Stops serving and closes the state file. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_stopped) return;
        _stopped = true;
        try
        {
            if (_listener is not null) await _listener.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _file?.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
