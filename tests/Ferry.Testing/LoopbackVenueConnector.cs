using Ferry.Binance;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Htx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Testing;

/// <summary>Clients straight on the simulator's loopback address, logging to <paramref name="loggers"/> when given; closed
/// when the service is disposed.</summary>
public sealed class LoopbackVenueConnector(ILoggerFactory? loggers = null) : IVenueConnector, IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
    {
        if (account.Venue == Venue.Htx)
        {
            var htx = new HtxClient(account.Credentials, new HtxClientOptions { SpotBaseAddress = account.BaseAddress, SwapBaseAddress = account.BaseAddress, Logger = _loggers.CreateLogger<HtxClient>() });
            _clients.Add(htx);
            return Task.FromResult<IVenueSession>(new HtxVenueSession(account, htx));
        }
        var binance = new BinanceClient(account.Credentials, new BinanceClientOptions { BaseAddress = account.BaseAddress, Logger = _loggers.CreateLogger<BinanceClient>() });
        _clients.Add(binance);
        return Task.FromResult<IVenueSession>(new BinanceVenueSession(account, binance));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        return ValueTask.CompletedTask;
    }
}
