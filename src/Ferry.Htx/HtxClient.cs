using Ferry.Core.Credentials;
using Ferry.Htx.Accounts;
using Ferry.Htx.Http;
using Ferry.Htx.Swap;
using Ferry.Htx.Transfers;

namespace Ferry.Htx;

/// <summary>
/// An HTX REST client for one API key (HMAC, Signature V2). Every call ends in one
/// <see cref="Ferry.Core.Outcomes.Outcome{T}"/> (NotSent, Rejected, Done, Unknown); nothing resends anything.
/// </summary>
public sealed class HtxClient : IDisposable
{
    private readonly HtxTransport _transport;

    /// <summary>
    /// Builds the client; bad options (including a base address that is neither an official HTX host nor loopback)
    /// or a non-HMAC key throw <see cref="ArgumentException"/> here, not at send time.
    /// </summary>
    public HtxClient(ApiCredentials credentials, HtxClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _transport = new HtxTransport(credentials, options, handler);
        Transfers = new TransferApi(_transport);
        Accounts = new AccountApi(_transport);
        Swap = new SwapAccountApi(_transport);
    }

    /// <summary>The options the client was built with (do not change them afterwards).</summary>
    public HtxClientOptions Options { get; }

    /// <summary>Spot ⇄ USDT-margined swap transfer.</summary>
    public TransferApi Transfers { get; }

    /// <summary>Accounts, spot balances and the transfer ledger.</summary>
    public AccountApi Accounts { get; }

    /// <summary>Isolated and cross swap margin accounts.</summary>
    public SwapAccountApi Swap { get; }

    /// <summary>The per-bucket request budgets and their usage.</summary>
    public HtxRateLimiter Limiter => _transport.Limiter;

    /// <summary>The endpoints this client calls, with the limits it applies (e.g. the configured transfer rate).</summary>
    public IReadOnlyList<HtxEndpoint> Endpoints => _transport.Endpoints;

    /// <summary>Closes the HTTP connections (when the client owns its handler) and releases the key.</summary>
    public void Dispose() => _transport.Dispose();
}
