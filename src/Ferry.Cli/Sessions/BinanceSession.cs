using Ferry.Engine.Addresses;
using Ferry.Engine.Accounts;
using Ferry.Binance;
using Ferry.Engine.Postgres;
using Ferry.Simulator;

namespace Ferry.Cli.Sessions;

/// <summary>
/// One command's connection to Binance: the account used, its client, and, for the embedded
/// default, the simulator opened in this process for this command (its client sends through the simulator's in-process
/// handler; both closed on dispose). On a PostgreSQL journal the client reserves
/// UID weight in that database (<see cref="PostgresUidWeightStore"/>), shared by every ferry process using the key.
/// </summary>
internal sealed class BinanceSession : IAsyncDisposable
{
    private readonly SimulatorHost? _embeddedHost;
    private readonly HttpMessageHandler? _embeddedHandler;
    private readonly PostgresUidWeightStore? _sharedBudget;

    private BinanceSession(AccountDefinition account, (BinanceClient Client, PostgresUidWeightStore? SharedBudget) client, SimulatorHost? embeddedHost,
        HttpMessageHandler? embeddedHandler, string? statePath)
    {
        Account = account;
        Client = client.Client;
        _sharedBudget = client.SharedBudget;
        _embeddedHost = embeddedHost;
        _embeddedHandler = embeddedHandler;
        EmbeddedStatePath = statePath;
    }

    public AccountDefinition Account { get; }
    public BinanceClient Client { get; }

    /// <summary>Where the embedded simulator keeps its state, when this session uses it.</summary>
    public string? EmbeddedStatePath { get; }

    public bool IsSimulator => Account.Environment == AccountEnvironment.Sim;

    /// <summary>One line saying plainly where the command runs.</summary>
    public string Banner => EmbeddedStatePath is not null
        ? $"Binance SIMULATOR (embedded, no real money; state in {EmbeddedStatePath})"
        : IsSimulator
            ? $"Binance SIMULATOR at {Account.BaseAddress} (account '{Account.Name}', no real money)"
            : $"Binance {Account.Environment.ToString().ToUpperInvariant()} (account '{Account.Name}')";

    /// <summary>Opens the session <paramref name="target"/> names, opening the embedded simulator if it is the one.</summary>
    public static Task<BinanceSession> OpenAsync(SessionTarget target, CliEnvironment env, CancellationToken ct) => Open(target, env, readsOnly: false);

    /// <summary>Opens the session for a command that only reads: the embedded simulator opens without creating its state
    /// (<see cref="EmbeddedSimulator.OpenInProcessForReading"/>); a configured account opens as usual.</summary>
    public static Task<BinanceSession> OpenForReadingAsync(SessionTarget target, CliEnvironment env, CancellationToken ct) => Open(target, env, readsOnly: true);

    private static Task<BinanceSession> Open(SessionTarget target, CliEnvironment env, bool readsOnly)
    {
        if (target.Configured is null)
        {
            var (host, handler) = readsOnly
                ? EmbeddedSimulator.OpenInProcessForReading(target.Home, env.Time)
                : EmbeddedSimulator.OpenInProcess(target.Home, env.Time);
            var statePath = target.Home.EmbeddedSimulatorState;
            var embedded = EmbeddedSimulator.Account(host.BaseAddress, target.AccountName);
            return Task.FromResult(new BinanceSession(embedded, NewClient(embedded, env, target.Home, handler), host, handler, statePath));
        }
        if (target.Venue != Ferry.Engine.Addresses.Venue.Binance)
            throw CliException.BadInput($"Account '{target.AccountName}' is an {target.Venue.Display()} account; this command needs a Binance account.");
        return Task.FromResult(new BinanceSession(target.Configured, NewClient(target.Configured, env, target.Home, null), null, null, null));
    }

    /// <summary>The simulator's admin endpoints (<c>/_sim/…</c>) of this session's simulator, in process for the embedded one.</summary>
    public SimulatorAdminClient SimulatorAdmin() => new(Account.BaseAddress, _embeddedHandler);

    private static (BinanceClient, PostgresUidWeightStore?) NewClient(AccountDefinition account, CliEnvironment env, FerryHome home, HttpMessageHandler? handler)
    {
        var log = env.Log;
        log.Protect(account.Credentials);
        var baseAddress = account.BaseAddress;
        var proxy = account.Proxy;
        if (account.Environment == AccountEnvironment.Mainnet && env.MainnetRedirectForTests is { } redirect)
        {
            // Test-only (CliEnvironment): a mainnet-configured account talks to a loopback simulator.
            baseAddress = redirect;
            proxy = null;
            log.Info($"TEST OVERRIDE: mainnet account '{account.Name}' is sent to {redirect}");
        }
        log.Debug($"client for '{account.Name}' on {baseAddress.GetLeftPart(UriPartial.Authority)}, {account.Credentials}");
        // UID weight belongs to the account, not the process: on a PostgreSQL journal every ferry process reserves it there.
        var sharedBudget = JournalLocation.Of(env, home).Postgres is { } journal ? new PostgresUidWeightStore(journal) : null;
        var options = new BinanceClientOptions
        {
            BaseAddress = baseAddress,
            Proxy = proxy,
            Time = env.Time,
            Logger = new Output.CliLogger(log, "http "),
            UidWeightStore = sharedBudget,
        };
        var client = new BinanceClient(account.Credentials, account.RateLimits?.ApplyTo(options) ?? options, handler);
        return (client, sharedBudget);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _sharedBudget?.Dispose();
        _embeddedHandler?.Dispose();
        if (_embeddedHost is not null) await _embeddedHost.DisposeAsync();
    }
}
