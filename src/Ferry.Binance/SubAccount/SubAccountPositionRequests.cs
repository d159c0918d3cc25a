using Ferry.Core.Money;
using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>The side of a futures position: BOTH (one-way mode), LONG or SHORT (hedge mode).</summary>
public enum PositionSide
{
    /// <summary>BOTH: one-way mode.</summary>
    Both,
    /// <summary>LONG: the long side in hedge mode.</summary>
    Long,
    /// <summary>SHORT: the short side in hedge mode.</summary>
    Short,
}

/// <summary>GET /sapi/v2/sub-account/futures/positionRisk: a sub-account's USDⓈ-M or COIN-M positions.</summary>
/// <param name="Email">The sub-account.</param>
/// <param name="FuturesType">USDⓈ-M (1) or COIN-M (2).</param>
public sealed record SubAccountPositionRiskQuery(string Email, FuturesType FuturesType) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? SubAccountInput.FuturesType(FuturesType);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("futuresType", (int)FuturesType);
    }
}

/// <summary>One position to move: symbol, quantity (> 0, at most 8 decimals) and position side.</summary>
public sealed record MovePositionOrder(string Symbol, decimal Quantity, PositionSide PositionSide);

/// <summary>POST /sapi/v1/sub-account/futures/move-position: move up to 10 USDⓈ-M positions between the master's accounts at the mark price.</summary>
/// <param name="FromUserEmail">The account giving the positions.</param>
/// <param name="ToUserEmail">The account receiving them.</param>
/// <param name="Orders">1 to 10 positions.</param>
public sealed record MovePositionRequest(string FromUserEmail, string ToUserEmail, IReadOnlyList<MovePositionOrder> Orders) : IWireParameters
{
    /// <summary>The most positions one call takes (documented: "Max 10 positions supported").</summary>
    public const int MaxOrders = 10;

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate()
    {
        if ((SubAccountInput.Email(FromUserEmail, "fromUserEmail") ?? SubAccountInput.Email(ToUserEmail, "toUserEmail")) is { } email) return email;
        if (string.Equals(FromUserEmail, ToUserEmail, StringComparison.OrdinalIgnoreCase)) return "fromUserEmail and toUserEmail must differ.";
        if (Orders is null || Orders.Count == 0) return "orderArgs needs at least one position to move.";
        if (Orders.Count > MaxOrders) return $"orderArgs has {Orders.Count} positions; Binance moves at most {MaxOrders} per call.";
        for (var i = 0; i < Orders.Count; i++)
        {
            var order = Orders[i];
            if (order is null) return $"orderArgs[{i}] is missing.";
            if (InputRules.Symbol(order.Symbol ?? "", $"orderArgs[{i}].symbol") is { } symbol) return symbol;
            if (order.Quantity <= 0m) return $"orderArgs[{i}].quantity must be more than zero, not {WireDecimal.Format(order.Quantity)}.";
            if (WireDecimal.DecimalPlaces(order.Quantity) > 8) return $"orderArgs[{i}].quantity {WireDecimal.Format(order.Quantity)} has more than 8 decimal places.";
            if (!Enum.IsDefined(order.PositionSide)) return $"orderArgs[{i}].positionSide {(int)order.PositionSide} is not BOTH, LONG or SHORT.";
        }
        return null;
    }

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("fromUserEmail", FromUserEmail);
        writer.Add("toUserEmail", ToUserEmail);
        writer.Add("productType", "UM");
        for (var i = 0; i < Orders.Count; i++)
        {
            var prefix = $"orderArgs[{i}].";
            writer.Add(prefix + "symbol", Orders[i].Symbol);
            writer.Add(prefix + "quantity", Orders[i].Quantity);
            writer.Add(prefix + "positionSide", Orders[i].PositionSide switch { PositionSide.Long => "LONG", PositionSide.Short => "SHORT", _ => "BOTH" });
        }
    }
}

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
