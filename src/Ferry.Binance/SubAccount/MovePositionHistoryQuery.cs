using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1/sub-account/futures/move-position: one page of executed moves of a symbol (last 90 days by default).</summary>
/// <param name="Symbol">The symbol, e.g. BTCUSDT.</param>
/// <param name="Page">Page from 1 (required by Binance).</param>
/// <param name="Row">Rows per page, 1..1000 (required by Binance; the docs cap a read at 1000).</param>
public sealed record MovePositionHistoryQuery(string Symbol, int Page, int Row) : IWireParameters
{
    /// <summary>The largest page.</summary>
    public const int MaxRow = 1000;

    /// <summary>Earliest move time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest move time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        (string.IsNullOrEmpty(Symbol) ? "symbol is required (e.g. BTCUSDT)." : InputRules.Symbol(Symbol, "symbol"))
        ?? SubAccountInput.Page(Page, Row, MaxRow, sizeName: "row")
        ?? InputRules.Interval(StartTime, EndTime, null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("symbol", Symbol);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.Add("page", Page);
        writer.Add("row", Row);
    }
}
