using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance;

/// <summary>Parameter reads and error mapping shared by the sub-account handlers.</summary>
internal static class SubAccountRequests
{
    /// <summary>The Binance error for a refusal of the sub-account book.</summary>
    public static SimResponse Fail(SubAccountFailure failure, string parameter = "email") => SimResponse.Fail(failure switch
    {
        SubAccountFailure.NotMaster => BinanceErrors.SubAccountFunctionDisabled,
        SubAccountFailure.UnknownSubAccount => BinanceErrors.NoParentSubRelation,
        SubAccountFailure.FuturesNotEnabled => BinanceErrors.FutureAccountMissing,
        SubAccountFailure.MarginNotEnabled => BinanceErrors.MarginAccountMissing,
        _ => RequestParams.Malformed(parameter),
    });

    /// <summary>A required parameter; -1102 naming it when absent.</summary>
    public static BinanceError? Required(this SimRequest r, string name, out string value)
    {
        value = r.Text(name) ?? "";
        return value.Length == 0 ? RequestParams.Malformed(name) : null;
    }

    /// <summary>An optional whole number in [min, max]; below min or not a number is -1102, above max is capped (assumed).</summary>
    public static BinanceError? Int(this SimRequest r, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (r.Long(name, out var v) is { } e) return e;
        if (v is null) return null;
        if (v < min) return RequestParams.Malformed(name);
        value = (int)Math.Min(v.Value, max);
        return null;
    }

    /// <summary>futuresType: 1 (USDⓈ-M) or 2 (COIN-M), required.</summary>
    public static BinanceError? FuturesType(this SimRequest r, out int type)
    {
        type = r.Text("futuresType") switch { "1" => 1, "2" => 2, _ => 0 };
        return type == 0 ? RequestParams.Malformed("futuresType") : null;
    }

    /// <summary>Writes a decimal as a JSON string with 8 decimals, as the sub-account endpoints do ("0.88308000").</summary>
    public static void Str(this Utf8JsonWriter w, string name, decimal value) => w.WriteString(name, DecimalText.Eight(value));

    /// <summary>Writes a decimal as a plain JSON number (v3 assets).</summary>
    public static void Num(this Utf8JsonWriter w, string name, decimal value) =>
        w.WriteNumber(name, decimal.Parse(DecimalText.Plain(value), CultureInfo.InvariantCulture));
}
