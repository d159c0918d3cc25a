using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The positions family: position risk v1/v2 and move-position (POST, history). Master only.</summary>
internal sealed partial class SubAccountPositionHandlers(SubAccountPositions book)
{
    /// <summary>The row cap of the move-position history ("1000 maximum" on the docs page).</summary>
    public const int MaxRows = 1000;

    private const long Day = 24L * 60 * 60 * 1000;

    [GeneratedRegex(@"^orderArgs\[(\d{1,3})\]\.(symbol|quantity|positionSide)$")]
    private static partial Regex OrderArg();

    /// <summary>GET /sapi/v1/sub-account/futures/positionRisk: an array of USDⓈ-M positions.</summary>
    public SimResponse RiskV1(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.Positions(r.Owner!, email, "UM", out var positions) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var p in positions) WriteUm(w, p);
            w.WriteEndArray();
        }));
    }

    /// <summary>GET /sapi/v2/sub-account/futures/positionRisk: {"futurePositionRiskVos"} or {"deliveryPositionRiskVos"}.</summary>
    public SimResponse RiskV2(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.FuturesType(out var type) is { } e2) return SimResponse.Fail(e2);
        if (book.Positions(r.Owner!, email, type == 1 ? "UM" : "CM", out var positions) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(type == 1 ? "futurePositionRiskVos" : "deliveryPositionRiskVos");
            foreach (var p in positions)
            {
                if (type == 1)
                {
                    WriteUm(w, p);
                    continue;
                }
                w.WriteStartObject();
                w.Str("entryPrice", p.EntryPrice);
                w.Str("markPrice", p.MarkPrice);
                w.WriteString("leverage", p.Leverage.ToString(CultureInfo.InvariantCulture));
                w.WriteString("isolated", "false");
                w.Str("isolatedWallet", 0m);
                w.Str("isolatedMargin", 0m);
                w.WriteString("isAutoAddMargin", "false");
                w.WriteString("positionSide", p.PositionSide);
                w.Str("positionAmount", p.Amount);
                w.WriteString("symbol", p.Symbol);
                w.Str("unrealizedProfit", Math.Round(p.UnrealizedProfit / p.MarkPrice, 8, MidpointRounding.ToZero));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>POST /sapi/v1/sub-account/futures/move-position: up to 10 orders, UM only; each order reports success.</summary>
    public SimResponse Move(SimRequest r)
    {
        if (r.Required("fromUserEmail", out var from) is { } e1) return SimResponse.Fail(e1);
        if (r.Required("toUserEmail", out var to) is { } e2) return SimResponse.Fail(e2);
        if (r.Text("productType") != "UM") return SimResponse.Fail(RequestParams.Malformed("productType"));
        if (ReadOrders(r, out var orders) is { } e3) return SimResponse.Fail(e3);
        if (book.MovePositions(r.Owner!, from, to, orders, out var results) is { } failure)
        {
            return SubAccountRequests.Fail(failure, failure == SubAccountFailure.InvalidValue ? "toUserEmail" : "email");
        }
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("movePositionOrders");
            foreach (var result in results)
            {
                w.WriteStartObject();
                w.WriteString("fromUserEmail", from);
                w.WriteString("toUserEmail", to);
                w.WriteString("productType", "UM");
                w.WriteString("symbol", result.Order.Symbol);
                w.WriteString("priceType", "MARK_PRICE");
                w.Str("price", result.Price);
                w.Str("quantity", result.Order.Quantity);
                w.WriteString("positionSide", result.Order.PositionSide);
                w.WriteString("side", result.Side);
                w.WriteBoolean("success", result.Moved is not null);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/futures/move-position: symbol, page and row required; window as documented
    /// (none → last 90 days; only start → [max(start, now − 90 d), now]; only end → [end − 90 d, end]).</summary>
    public SimResponse History(SimRequest r)
    {
        if (r.Code("symbol", out var symbol) is { } e1) return SimResponse.Fail(e1);
        if (symbol is null) return SimResponse.Fail(RequestParams.Malformed("symbol"));
        if (r.Text("page") is null) return SimResponse.Fail(RequestParams.Malformed("page"));
        if (r.Text("row") is null) return SimResponse.Fail(RequestParams.Malformed("row"));
        if (r.Int("page", 1, 1, int.MaxValue, out var page) is { } e2) return SimResponse.Fail(e2);
        if (r.Int("row", 10, 1, MaxRows, out var row) is { } e3) return SimResponse.Fail(e3);
        if (r.Long("startTime", out var start) is { } e4) return SimResponse.Fail(e4);
        if (r.Long("endTime", out var end) is { } e5) return SimResponse.Fail(e5);
        var s = start is { } st ? (end is null ? Math.Max(st, r.NowMs - 90 * Day) : st) : (end ?? r.NowMs) - 90 * Day;
        var e = end ?? r.NowMs;
        if (s > e) return SimResponse.Fail(RequestParams.Malformed("startTime"));
        if (book.PositionMoves(r.Owner!, symbol, s, e, out var moves) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", moves.Count);
            w.WriteStartArray("futureMovePositionOrderVoList");
            foreach (var m in moves.Skip((int)Math.Min((long)(page - 1) * row, int.MaxValue)).Take(row))
            {
                w.WriteStartObject();
                w.WriteString("fromUserEmail", m.FromEmail);
                w.WriteString("toUserEmail", m.ToEmail);
                w.WriteString("productType", "UM");
                w.WriteString("symbol", m.Symbol);
                w.Str("price", m.Price);
                w.Str("quantity", m.Quantity);
                w.WriteString("positionSide", m.PositionSide);
                w.WriteString("side", m.Side);
                w.WriteNumber("timeStamp", m.TimestampMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static void WriteUm(Utf8JsonWriter w, SimPosition p)
    {
        w.WriteStartObject();
        w.Str("entryPrice", p.EntryPrice);
        w.WriteString("leverage", p.Leverage.ToString(CultureInfo.InvariantCulture));
        w.WriteString("maxNotional", "1000000");
        w.Str("liquidationPrice", 0m);
        w.Str("markPrice", p.MarkPrice);
        w.Str("positionAmount", p.Amount);
        w.WriteString("symbol", p.Symbol);
        w.Str("unrealizedProfit", p.UnrealizedProfit);
        w.WriteEndObject();
    }

    /// <summary>orderArgs[i].symbol/quantity/positionSide for i = 0..n−1 (contiguous), 1 ≤ n ≤ 10.</summary>
    private static BinanceError? ReadOrders(SimRequest r, out IReadOnlyList<PositionMoveOrder> orders)
    {
        orders = [];
        var fields = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (name, value) in r.Parameters)
        {
            var m = OrderArg().Match(name);
            if (!m.Success) continue;
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!fields.TryGetValue(index, out var f)) fields[index] = f = [];
            f[m.Groups[2].Value] = value;
        }
        if (fields.Count == 0) return RequestParams.Malformed("orderArgs");
        if (fields.Count > SubAccountPositions.MaxMoveOrders)
        {
            return BinanceErrors.UnexpectedValue.Format("orderArgs", SubAccountPositions.MaxMoveOrders.ToString(CultureInfo.InvariantCulture));
        }
        var list = new List<PositionMoveOrder>();
        foreach (var (index, f) in fields)
        {
            if (index != list.Count) return RequestParams.Malformed($"orderArgs[{list.Count}].symbol");
            var symbol = f.GetValueOrDefault("symbol");
            if (symbol is null || !ScenarioReader.IsCode(symbol)) return RequestParams.Malformed($"orderArgs[{index}].symbol");
            if (!decimal.TryParse(f.GetValueOrDefault("quantity"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
                || quantity <= 0m || DecimalText.Scale(quantity) > 8)
            {
                return RequestParams.Malformed($"orderArgs[{index}].quantity");
            }
            var side = f.GetValueOrDefault("positionSide");
            if (side is not ("BOTH" or "LONG" or "SHORT")) return RequestParams.Malformed($"orderArgs[{index}].positionSide");
            list.Add(new PositionMoveOrder(symbol, quantity, side));
        }
        orders = list;
        return null;
    }
}
