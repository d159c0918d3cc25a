using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>GET /sapi/v1/asset/transfer: the owner's universal transfers of one type, newest first, paged.</summary>
internal sealed class UniversalTransferHistoryHandler(SimLedger ledger)
{
    /// <summary>"Only the last 6 months" (docs), taken as 183 days.</summary>
    public const int OldestDays = 183;

    public SimResponse Handle(SimRequest r)
    {
        var type = UniversalTransferTypes.Find(r.Text("type"));
        if (type is null) return SimResponse.Fail(RequestParams.Malformed("type"));
        // Documented for this query too: fromSymbol for types out of isolated margin, toSymbol for types into it;
        // the rows are then those of that symbol.
        if (r.Code("fromSymbol", out var fromSymbol) is { } e3) return SimResponse.Fail(e3);
        if (r.Code("toSymbol", out var toSymbol) is { } e4) return SimResponse.Fail(e4);
        if (type.NeedsFromSymbol && fromSymbol is null) return SimResponse.Fail(RequestParams.Malformed("fromSymbol"));
        if (type.NeedsToSymbol && toSymbol is null) return SimResponse.Fail(RequestParams.Malformed("toSymbol"));
        if (HistoryWindow.Resolve(r, maxSpanDays: null, OldestDays, out var window) is { } e1) return SimResponse.Fail(e1);
        if (r.Paging(out var current, out var size) is { } e2) return SimResponse.Fail(e2);

        var owner = r.Owner!;
        // The key holds exactly this channel, type and initiator; only an isolated side needs a filter.
        Func<LedgerMove, bool>? symbols = type.NeedsFromSymbol || type.NeedsToSymbol
            ? m => (!type.NeedsFromSymbol || m.From.Symbol == fromSymbol) && (!type.NeedsToSymbol || m.To.Symbol == toSymbol)
            : null;
        var page = ledger.ReadHistoryPage(new HistoryQuery(
            HistoryKey.Initiated(MoveChannels.UniversalTransfer, type.Name, owner), window.StartMs, window.EndMs, symbols,
            RequestParams.Skip(current, size), size));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", page.Total);
            w.WriteStartArray("rows");
            foreach (var m in page.Rows)
            {
                w.WriteStartObject();
                w.WriteString("asset", m.Asset);
                w.WriteString("amount", DecimalText.Plain(m.Amount));
                w.WriteString("type", m.Type);
                w.WriteString("status", m.Status);
                w.WriteNumber("tranId", m.Id);
                w.WriteNumber("timestamp", m.TimestampMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }
}
