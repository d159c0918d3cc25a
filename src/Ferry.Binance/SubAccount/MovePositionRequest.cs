using Ferry.Core.Money;
using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

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
