using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.SubAccount;

/// <summary>The positions family: position risk v1/v2 and position moves between the master's accounts.</summary>
public sealed partial class SubAccountAssetsApi
{
    /// <summary>GET /sapi/v1/sub-account/futures/positionRisk (IP 10): USDⓈ-M positions.</summary>
    public Task<Outcome<IReadOnlyList<SubAccountPositionRisk>>> GetPositionRiskAsync(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountPositionRisk, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListSubAccountPositionRisk, cancellationToken);
    }

    /// <summary>GET /sapi/v2/sub-account/futures/positionRisk (IP 1). An answer without the envelope of the requested type is Unknown.</summary>
    public async Task<Outcome<SubAccountPositionRiskV2>> GetPositionRiskV2Async(SubAccountPositionRiskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = await _transport.SendIfValidAsync(BinanceEndpoints.SubAccountPositionRiskV2, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountPositionRiskV2, cancellationToken).ConfigureAwait(false);
        var usdm = query.FuturesType == FuturesType.UsdtMargined;
        return outcome is Done<SubAccountPositionRiskV2> done && (usdm ? (object?)done.Value.FuturePositionRiskVos : done.Value.DeliveryPositionRiskVos) is null
            ? new Unknown<SubAccountPositionRiskV2>($"{BinanceEndpoints.SubAccountPositionRiskV2} answered without {(usdm ? "futurePositionRiskVos" : "deliveryPositionRiskVos")}.")
            : outcome;
    }

    /// <summary>POST /sapi/v1/sub-account/futures/move-position: at most 10 USDⓈ-M positions; each order reports its own
    /// success. Never resent on Unknown (check the history with <see cref="GetMovePositionHistoryAsync"/>).</summary>
    public Task<Outcome<MovePositionResult>> MovePositionsAsync(MovePositionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.MoveSubAccountPosition, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.MovePositionResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/futures/move-position: one page of executed moves.</summary>
    public Task<Outcome<MovePositionHistoryPage>> GetMovePositionHistoryAsync(MovePositionHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountMovePositionHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.MovePositionHistoryPage, cancellationToken);
    }

    /// <summary>Every page of the move history of <paramref name="query"/>'s symbol and window (Row per page from Page).</summary>
    public async Task<Outcome<IReadOnlyList<MovePositionHistoryRow>>> GetAllMovePositionHistoryAsync(MovePositionHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<MovePositionHistoryRow>();
        for (var page = query.Page; page < query.Page + Http.HistoryPager.MaxPages; page++)
        {
            var outcome = await GetMovePositionHistoryAsync(query with { Page = page }, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<MovePositionHistoryPage> done) return outcome.Map<IReadOnlyList<MovePositionHistoryRow>>(_ => rows);
            rows.AddRange(done.Value.FutureMovePositionOrderVoList);
            if (done.Value.FutureMovePositionOrderVoList.Count < query.Row || (long)page * query.Row >= done.Value.Total)
            {
                return new Done<IReadOnlyList<MovePositionHistoryRow>>(rows);
            }
        }
        return new Unknown<IReadOnlyList<MovePositionHistoryRow>>($"The move history has more than {Http.HistoryPager.MaxPages} pages.");
    }
}
