using Ferry.Binance.Balances;
using Ferry.Binance.General;
using Ferry.Binance.Http;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Margin;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;

namespace Ferry.Binance;

/// <summary>
/// A Binance REST client for one API key. Every call ends in one <see cref="Ferry.Core.Outcomes.Outcome{T}"/>
/// (NotSent, Rejected, Done, Unknown); nothing resends a POST on its own. Reuse one client per key.
/// </summary>
public sealed class BinanceClient : IDisposable
{
    private readonly BinanceTransport _transport;

    /// <summary>
    /// Builds the client; bad options or a bad PEM key throw <see cref="ArgumentException"/> here, not at send
    /// time. Without <paramref name="handler"/> the client owns a SocketsHttpHandler that never follows redirects.
    /// </summary>
    public BinanceClient(ApiCredentials credentials, BinanceClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _transport = new BinanceTransport(credentials, options, handler);
        Wallet = new WalletApi(_transport, options);
        Margin = new MarginApi(_transport);
        General = new GeneralApi(_transport);
        SubAccount = new SubAccountApi(_transport, options);
        SubAccountManagement = new SubAccountManagementApi(_transport);
        SubAccountAssets = new SubAccountAssetsApi(_transport);
        ManagedSubAccount = new ManagedSubAccountApi(_transport);
        Balances = new AccountBalancesApi(_transport);
    }

    /// <summary>The options the client was built with (do not change them afterwards).</summary>
    public BinanceClientOptions Options { get; }

    /// <summary>Universal transfer and its history.</summary>
    public WalletApi Wallet { get; }

    /// <summary>Cross-margin transfer history.</summary>
    public MarginApi Margin { get; }

    /// <summary>Server time.</summary>
    public GeneralApi General { get; }

    /// <summary>Sub-account transfers (master and sub-account keys) and their histories.</summary>
    public SubAccountApi SubAccount { get; }

    /// <summary>Sub-account management and queries for a master key (accounts, IP restriction, deposits).</summary>
    public SubAccountManagementApi SubAccountManagement { get; }

    /// <summary>Sub-account balances and futures positions for a master key (assets, summaries, position risk, moves).</summary>
    public SubAccountAssetsApi SubAccountAssets { get; }

    /// <summary>Managed sub-accounts: investor master, trading-team master and trading-team sub-account endpoints.</summary>
    public ManagedSubAccountApi ManagedSubAccount { get; }

    /// <summary>The master account's own balances per wallet: spot, funding, margin, isolated, the overview, USDⓈ-M and COIN-M futures.</summary>
    public AccountBalancesApi Balances { get; }

    /// <summary>The server-clock offset used for timestamps; measure it on demand with <see cref="ServerClock.MeasureAsync"/>.</summary>
    public ServerClock Clock => _transport.Clock;

    /// <summary>The per-endpoint weight budgets and their current usage.</summary>
    public WeightLimiter Limiter => _transport.Limiter;

    /// <summary>The endpoints this client calls, with the weights it charges (e.g. the configured universal-transfer UID weight).</summary>
    public IReadOnlyList<BinanceEndpoint> Endpoints => _transport.Endpoints;

    /// <summary>Closes the HTTP connections (when the client owns its handler) and releases the key.</summary>
    public void Dispose() => _transport.Dispose();
}
