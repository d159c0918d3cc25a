using Ferry.Binance;
using Ferry.Core.Safety;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Htx;
using Microsoft.Extensions.Logging;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>
/// Opens the engine's venue sessions with the container's clock and loggers: one client per account (its own limiter and
/// server clock), on Ferry's own keyed handler (keys go only to the exchange or loopback; the account's proxy only). Closes
/// them when the engine is disposed.
/// </summary>
internal sealed class ContainerVenueConnector(TimeProvider time, ILoggerFactory loggers) : IVenueConnector, IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];
    private readonly Lock _gate = new();

    public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Venue == Venue.Htx)
        {
            var htx = new HtxClient(account.Credentials, new HtxClientOptions
            {
                SpotBaseAddress = account.BaseAddress,
                SwapBaseAddress = KeyHostAllowlist.IsLoopback(account.BaseAddress) ? account.BaseAddress : HtxClientOptions.OfficialSwapAddress,
                Proxy = account.Proxy,
                Time = time,
                Logger = loggers.CreateLogger<HtxClient>(),
            });
            Keep(htx);
            return Task.FromResult<IVenueSession>(new HtxVenueSession(account, htx));
        }

        var options = new BinanceClientOptions
        {
            BaseAddress = account.BaseAddress,
            Proxy = account.Proxy,
            Time = time,
            Logger = loggers.CreateLogger<BinanceClient>(),
        };
        var binance = new BinanceClient(account.Credentials, account.RateLimits?.ApplyTo(options) ?? options);
        Keep(binance);
        return Task.FromResult<IVenueSession>(new BinanceVenueSession(account, binance));
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var client in _clients) client.Dispose();
            _clients.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private void Keep(IDisposable client)
    {
        lock (_gate) _clients.Add(client);
    }
}
