using Ferry.Binance;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Htx;

namespace Ferry.Cli.Soak;

/// <summary>The soak's sessions: one client per account straight on the simulator, with a wide receive window by default
/// (the in-process soak skips its clock ahead) and a high HTX transfer budget.</summary>
internal sealed class SoakVenues(TimeProvider time, int recvWindowMs = 60_000) : IVenueConnector
{
    public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        IVenueSession session = account.Venue == Venue.Htx
            ? new HtxVenueSession(account, new HtxClient(account.Credentials,
                new HtxClientOptions { SpotBaseAddress = account.BaseAddress, SwapBaseAddress = account.BaseAddress, Time = time, TransfersPerSecond = 100 }))
            : new BinanceVenueSession(account, new BinanceClient(account.Credentials,
                new BinanceClientOptions { BaseAddress = account.BaseAddress, Time = time, RecvWindow = recvWindowMs }));
        return Task.FromResult(session);
    }
}
