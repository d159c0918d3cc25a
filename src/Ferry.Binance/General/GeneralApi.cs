using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.General;

/// <summary>Unsigned general endpoints: the server clock.</summary>
public sealed class GeneralApi
{
    private readonly BinanceTransport _transport;

    internal GeneralApi(BinanceTransport transport) => _transport = transport;

    /// <summary>GET /api/v3/time: the exchange's clock (does not change the client's measured offset).</summary>
    public Task<Outcome<ServerTimeResult>> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(BinanceEndpoints.ServerTime, NoParameters.Instance, null,
            BinanceJsonContext.Default.ServerTimeResult, cancellationToken);
}
