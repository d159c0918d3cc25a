using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Outcomes;

namespace Ferry.Binance.Margin;

/// <summary>Margin endpoints: the cross-margin transfer history.</summary>
public sealed class MarginApi
{
    private readonly BinanceTransport _transport;

    internal MarginApi(BinanceTransport transport) => _transport = transport;

    /// <summary>GET /sapi/v1/margin/transfer: one page, newest first. Validated locally first (NotSent InvalidInput).</summary>
    public Task<Outcome<MarginTransferPage>> GetCrossMarginTransferHistoryAsync(
        CrossMarginTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problem = query.Validate();
        return problem is not null
            ? Task.FromResult<Outcome<MarginTransferPage>>(new NotSent<MarginTransferPage>(NotSentReason.InvalidInput, problem))
            : _transport.SendAsync(BinanceEndpoints.CrossMarginTransferHistory, query, query.RecvWindow,
                BinanceJsonContext.Default.MarginTransferPage, cancellationToken);
    }
}
