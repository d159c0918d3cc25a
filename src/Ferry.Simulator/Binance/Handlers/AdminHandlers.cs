using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>Simulator-only endpoints for tests and tools: /_sim/balances and /_sim/totals.</summary>
internal sealed class AdminHandlers(SimLedger ledger)
{
    /// <summary>GET /_sim/balances[?owner=EMAIL]: rows of owner, wallet, symbol (null unless isolated), asset, amount (string).</summary>
    public SimResponse Balances(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartArray();
        foreach (var (key, amount) in ledger.Balances(r.Text("owner")))
        {
            w.WriteStartObject();
            w.WriteString("owner", key.Wallet.Owner);
            w.WriteString("wallet", WalletNames.Name(key.Wallet.Wallet));
            if (key.Wallet.Symbol is null) w.WriteNull("symbol");
            else w.WriteString("symbol", key.Wallet.Symbol);
            w.WriteString("asset", key.Asset);
            w.WriteString("amount", DecimalText.Plain(amount));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    /// <summary>GET /_sim/totals: {"USDT":"10050", ...}, per asset over every wallet of every user.</summary>
    public SimResponse Totals(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        foreach (var (asset, amount) in ledger.Totals().OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            w.WriteString(asset, DecimalText.Plain(amount));
        }
        w.WriteEndObject();
    }));
}
