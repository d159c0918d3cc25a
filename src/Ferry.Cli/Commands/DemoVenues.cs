using Ferry.Binance;
using Ferry.Cli.Sessions;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;

namespace Ferry.Cli.Commands;

/// <summary>The demo's sessions: a client per account straight on the demo's fresh simulator, HTX's transfer budget lifted
/// as the simulator's is (<see cref="DemoHtxLeg.SimulatorSettings"/>) so the tour runs without pauses. The demo journals
/// nothing: it sends each move once through its session and shows what came back.</summary>
internal sealed class DemoVenues(CliEnvironment env) : IVenueConnector, IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];

    public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Venue == Venue.Htx)
        {
            var htx = HtxSession.NewClient(account, env, transfersPerSecond: DemoHtxLeg.SimulatorSettings.TransfersPerSecond);
            _clients.Add(htx);
            return Task.FromResult<IVenueSession>(new HtxVenueSession(account, htx));
        }
        var binance = new BinanceClient(account.Credentials, new BinanceClientOptions { BaseAddress = account.BaseAddress, Time = env.Time });
        _clients.Add(binance);
        return Task.FromResult<IVenueSession>(new BinanceVenueSession(account, binance));
    }

    /// <summary>Closes every client it opened (the service disposes its connector).</summary>
    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        _clients.Clear();
        return ValueTask.CompletedTask;
    }
}
