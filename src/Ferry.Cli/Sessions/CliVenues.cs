using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;

namespace Ferry.Cli.Sessions;

/// <summary>
/// How the CLI opens venue sessions for the engine: a configured account gets a client on its base address; the built-in
/// account (no account configured) is the embedded simulator, started for this command with its state under FERRY_HOME,
/// just one more base address. Every session it opened is closed when it is disposed; <c>announce</c> hears each
/// session's banner as it opens.
/// </summary>
internal sealed class CliVenues(CliEnvironment env, FerryHome home, Func<bool> embedded, Action<string>? announce) : IVenueConnector, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _opened = [];

    public async Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Venue == Venue.Htx)
        {
            var htx = await HtxSession.OpenAsync(new HtxTarget(embedded() ? null : account, home), env, ct);
            _opened.Add(htx);
            announce?.Invoke(htx.Banner);
            return new HtxVenueSession(htx.Account, htx.Client);
        }
        var binance = await BinanceSession.OpenAsync(new SessionTarget(embedded() ? null : account, home), env, ct);
        _opened.Add(binance);
        announce?.Invoke(binance.Banner);
        return new BinanceVenueSession(binance.Account, binance.Client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _opened) await session.DisposeAsync();
        _opened.Clear();
    }
}
