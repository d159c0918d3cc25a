using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>GET /sapi/v1/margin/transfer: moves into (ROLL_IN) or out of (ROLL_OUT) the owner's cross margin wallet,
/// or the isolated wallet of <c>isolatedSymbol</c>, built from the same ledger history; newest first.</summary>
internal sealed class MarginTransferHistoryHandler(SimLedger ledger)
{
    /// <summary>The documented maximum interval between startTime and endTime.</summary>
    public const int MaxSpanDays = 30;

    public SimResponse Handle(SimRequest r)
    {
        if (r.Code("asset", out var asset) is { } e1) return SimResponse.Fail(e1);
        if (r.Code("isolatedSymbol", out var isolated) is { } e2) return SimResponse.Fail(e2);
        var type = r.Text("type");
        if (type is not (null or "ROLL_IN" or "ROLL_OUT")) return SimResponse.Fail(RequestParams.Malformed("type"));
        if (HistoryWindow.Resolve(r, MaxSpanDays, oldestDays: null, out var window) is { } e3) return SimResponse.Fail(e3);
        if (r.Paging(out var current, out var size) is { } e4) return SimResponse.Fail(e4);

        var ledgerOwner = ledger.FindUser(r.Owner!)?.Email ?? r.Owner!;
        var wallet = isolated is null
            ? WalletAddress.Of(ledgerOwner, WalletKind.Margin)
            : WalletAddress.Of(ledgerOwner, WalletKind.IsolatedMargin, isolated);
        var page = ledger.ReadHistoryPage(new HistoryQuery(HistoryKey.Wallet(wallet), window.StartMs, window.EndMs,
            m => ((m.To == wallet && type is (null or "ROLL_IN")) || (m.From == wallet && type is (null or "ROLL_OUT"))) &&
                 (asset is null || m.Asset == asset),
            RequestParams.Skip(current, size), size));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("rows");
            foreach (var m in page.Rows)
            {
                w.WriteStartObject();
                w.WriteString("amount", DecimalText.Eight(m.Amount));
                w.WriteString("asset", m.Asset);
                w.WriteString("status", m.Status);
                w.WriteNumber("timestamp", m.TimestampMs);
                w.WriteNumber("txId", m.Id);
                w.WriteString("type", m.To == wallet ? "ROLL_IN" : "ROLL_OUT");
                w.WriteString("transFrom", TransName(m.From.Wallet));
                w.WriteString("transTo", TransName(m.To.Wallet));
                if (m.From.Symbol is not null) w.WriteString("fromSymbol", m.From.Symbol);
                if (m.To.Symbol is not null) w.WriteString("toSymbol", m.To.Symbol);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("total", page.Total);
            w.WriteEndObject();
        }));
    }

    /// <summary>Wallet names as the margin history spells them (seed 001's list); PORTFOLIO_MARGIN is assumed.</summary>
    internal static string TransName(WalletKind wallet) => wallet switch
    {
        WalletKind.Spot => "SPOT",
        WalletKind.Margin => "CROSS_MARGIN",
        WalletKind.IsolatedMargin => "ISOLATED_MARGIN",
        WalletKind.UsdtFuture => "FUTURES",
        WalletKind.CoinFuture => "DELIVERY",
        WalletKind.Funding => "FUNDING",
        WalletKind.Option => "OPTION",
        _ => "PORTFOLIO_MARGIN",
    };
}
