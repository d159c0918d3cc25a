using System.Text.Json;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Htx.Handlers;

/// <summary>POST /linear-swap-api/v1/swap_account_info (isolated) and /swap_cross_account_info (cross), read from the ledger.
/// The simulator holds no positions: margin is all available and withdrawable, position/frozen/profit are 0, risk_rate and
/// liquidation_price are null, lever_rate 5 and adjust_factor 0 are placeholders.</summary>
internal sealed class HtxSwapHandlers(SimLedger ledger, HtxBook book)
{
    public HtxResponse Isolated(HtxRequest r)
    {
        var code = Field(r, "contract_code")?.ToUpperInvariant();
        if (code is not null && !book.Contracts.Contains(code)) return HtxResponse.Fail(HtxErrors.SwapContractMissing, r.NowMs);
        var contracts = code is null ? book.Contracts : [code];
        var cells = ledger.Balances(r.User.Email);
        return HtxResponse.Ok(HtxJson.SwapOk(w =>
        {
            w.WriteStartArray();
            foreach (var contract in contracts)
            {
                var balance = cells.Where(c => c.Key.Wallet.Wallet == WalletKind.HtxSwapIsolated && c.Key.Wallet.Symbol == contract && c.Key.Asset == "USDT").Sum(c => c.Value);
                w.WriteStartObject();
                w.WriteString("symbol", contract[..contract.IndexOf('-')]);
                w.WriteString("contract_code", contract);
                w.WriteString("margin_asset", "USDT");
                HtxJson.Number(w, "margin_balance", balance);
                HtxJson.Number(w, "margin_position", 0m);
                HtxJson.Number(w, "margin_frozen", 0m);
                HtxJson.Number(w, "margin_available", balance);
                HtxJson.Number(w, "profit_real", 0m);
                HtxJson.Number(w, "profit_unreal", 0m);
                w.WriteNull("risk_rate");
                w.WriteNull("liquidation_price");
                HtxJson.Number(w, "withdraw_available", balance);
                w.WriteNumber("lever_rate", 5);
                HtxJson.Number(w, "adjust_factor", 0m);
                HtxJson.Number(w, "margin_static", balance);
                w.WriteString("margin_mode", "isolated");
                w.WriteString("margin_account", contract);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, r.NowMs));
    }

    public HtxResponse Cross(HtxRequest r)
    {
        var account = Field(r, "margin_account")?.ToUpperInvariant();
        if (account is not (null or "USDT")) return HtxResponse.Fail(HtxErrors.SwapContractMissing, r.NowMs);
        var balance = ledger.Balances(r.User.Email).Where(c => c.Key.Wallet.Wallet == WalletKind.HtxSwapCross && c.Key.Asset == "USDT").Sum(c => c.Value);
        return HtxResponse.Ok(HtxJson.SwapOk(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("margin_mode", "cross");
            w.WriteString("margin_account", "USDT");
            w.WriteString("margin_asset", "USDT");
            HtxJson.Number(w, "margin_balance", balance);
            HtxJson.Number(w, "margin_static", balance);
            HtxJson.Number(w, "margin_position", 0m);
            HtxJson.Number(w, "margin_frozen", 0m);
            HtxJson.Number(w, "profit_real", 0m);
            HtxJson.Number(w, "profit_unreal", 0m);
            HtxJson.Number(w, "withdraw_available", balance);
            w.WriteNull("risk_rate");
            w.WriteStartArray("contract_detail");
            foreach (var contract in book.Contracts)
            {
                w.WriteStartObject();
                w.WriteString("symbol", contract[..contract.IndexOf('-')]);
                w.WriteString("contract_code", contract);
                HtxJson.Number(w, "margin_position", 0m);
                HtxJson.Number(w, "margin_frozen", 0m);
                HtxJson.Number(w, "margin_available", balance);
                HtxJson.Number(w, "profit_unreal", 0m);
                w.WriteNull("liquidation_price");
                w.WriteNumber("lever_rate", 5);
                HtxJson.Number(w, "adjust_factor", 0m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }, r.NowMs));
    }

    private static string? Field(HtxRequest r, string name) =>
        r.Body is { } body && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0 ? v.GetString() : null;
}
