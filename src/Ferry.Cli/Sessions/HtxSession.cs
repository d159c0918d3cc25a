using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;
using Ferry.Htx;
using Ferry.Core.Safety;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Sessions;

/// <summary>Which HTX account a command uses, decided without side effects: the named one, the only HTX account, or
/// the built-in simulator's HTX account when no account is configured at all.</summary>
internal sealed record HtxTarget(AccountDefinition? Configured, FerryHome Home)
{
    public bool IsEmbedded => Configured is null;
    public string AccountName => Configured?.Name ?? SessionTarget.EmbeddedName;
    public AccountEnvironment Environment => Configured?.Environment ?? AccountEnvironment.Sim;

    /// <summary>The same fields as a <see cref="SessionTarget"/>, for the shared JSON shapes.</summary>
    public SessionTarget AsSessionTarget() => new(Configured, Home);

    public static HtxTarget Resolve(CliEnvironment env, string? accountName)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var accounts = new AccountStore(home, env.GetEnvironmentVariable).Load();
        if (accountName is not null)
        {
            var named = accounts.FirstOrDefault(a => string.Equals(a.Name, accountName, StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.BadInput(accounts.Count == 0
                    ? $"There is no account named '{accountName}'; no accounts are configured, so omit --account to use the built-in simulator."
                    : $"There is no account named '{accountName}'; configured accounts: {string.Join(", ", accounts.Select(a => a.Name))}.");
            return named.Venue == Venue.Htx
                ? new HtxTarget(named, home)
                : throw CliException.BadInput($"Account '{named.Name}' is a {named.Venue.Display()} account; HTX wallets need an account with \"venue\": \"htx\".");
        }

        if (accounts.Count == 0) return new HtxTarget(null, home);
        var htx = accounts.Where(a => a.Venue == Venue.Htx).ToList();
        return htx.Count switch
        {
            1 => new HtxTarget(htx[0], home),
            0 => throw CliException.Refused("No HTX account is configured; add one with \"venue\": \"htx\" to accounts.json (or configure no account to use the built-in simulator)."),
            _ => throw CliException.BadInput($"Several HTX accounts are configured; choose one with --account ({string.Join(", ", htx.Select(a => a.Name))})."),
        };
    }

    /// <summary>True when a balances/history command should read HTX: --venue htx, or --account naming an HTX account.</summary>
    public static bool IsWanted(CliEnvironment env, string? venue, string? accountName)
    {
        switch (venue?.ToLowerInvariant())
        {
            case "htx": return true;
            case "binance": return false;
            case null: break;
            default: throw CliException.BadInput($"--venue '{venue}' is not a venue; use 'binance' or 'htx'.");
        }

        if (accountName is null) return false;
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        return new AccountStore(home, env.GetEnvironmentVariable).Load()
            .Any(a => string.Equals(a.Name, accountName, StringComparison.OrdinalIgnoreCase) && a.Venue == Venue.Htx);
    }
}

/// <summary>One command's connection to HTX: the account, its client, and the embedded simulator when that is the target.</summary>
internal sealed class HtxSession : IAsyncDisposable
{
    private readonly SimulatorHost? _embeddedHost;
    private readonly HttpMessageHandler? _embeddedHandler;

    private HtxSession(AccountDefinition account, HtxClient client, SimulatorHost? host, HttpMessageHandler? handler, string? statePath)
    {
        Account = account;
        Client = client;
        _embeddedHost = host;
        _embeddedHandler = handler;
        EmbeddedStatePath = statePath;
    }

    public AccountDefinition Account { get; }
    public HtxClient Client { get; }
    public string? EmbeddedStatePath { get; }

    public string Banner => EmbeddedStatePath is not null
        ? $"HTX SIMULATOR (embedded, no real money; state in {EmbeddedStatePath})"
        : Account.Environment == AccountEnvironment.Sim
            ? $"HTX SIMULATOR at {Account.BaseAddress} (account '{Account.Name}', no real money)"
            : $"HTX {Account.Environment.ToString().ToUpperInvariant()} (account '{Account.Name}')";

    public static Task<HtxSession> OpenAsync(HtxTarget target, CliEnvironment env, CancellationToken ct)
    {
        if (target.Configured is null)
        {
            var (host, handler) = EmbeddedSimulator.OpenInProcess(target.Home, env.Time);
            var statePath = target.Home.EmbeddedSimulatorState;
            var embedded = EmbeddedAccount(host.BaseAddress, target.AccountName);
            return Task.FromResult(new HtxSession(embedded, NewClient(embedded, env, handler: handler), host, handler, statePath));
        }

        return Task.FromResult(new HtxSession(target.Configured, NewClient(target.Configured, env), null, null, null));
    }

    /// <summary>The demo scenario's HTX account on a demo-seeded simulator.</summary>
    public static AccountDefinition EmbeddedAccount(Uri baseAddress, string name) => new(
        name, Venue.Htx, AccountEnvironment.Sim, baseAddress,
        new ApiCredentials(ScenarioDocument.DemoHtxAccessKey, new SecretText(ScenarioDocument.DemoHtxSecretKey), SigningKind.Hmac),
        EmbeddedSimulator.MasterEmail, "Ferry's built-in simulator (demo scenario, HTX side)");

    /// <summary>A loopback simulator serves both HTX hosts; an official spot host pairs with the official swap host.
    /// <paramref name="handler"/> is the embedded simulator's in-process handler, else null (a socket handler).</summary>
    public static HtxClient NewClient(AccountDefinition account, CliEnvironment env, int? transfersPerSecond = null, HttpMessageHandler? handler = null)
    {
        env.Log.Protect(account.Credentials);
        var options = new HtxClientOptions
        {
            SpotBaseAddress = account.BaseAddress,
            SwapBaseAddress = KeyHostAllowlist.IsLoopback(account.BaseAddress) ? account.BaseAddress : HtxClientOptions.OfficialSwapAddress,
            Proxy = account.Proxy,
            Time = env.Time,
            Logger = new Output.CliLogger(env.Log, "http "),
        };
        if (transfersPerSecond is { } rate) options.TransfersPerSecond = rate;
        return new HtxClient(account.Credentials, options, handler);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _embeddedHandler?.Dispose();
        if (_embeddedHost is not null) await _embeddedHost.DisposeAsync();
    }
}
