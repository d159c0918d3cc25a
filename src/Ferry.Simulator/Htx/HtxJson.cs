using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Htx;

/// <summary>The simulator's own writers of HTX's three envelopes (no models shared with the client).</summary>
internal static class HtxJson
{
    public static byte[] V1Ok(Action<Utf8JsonWriter> writeData) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WritePropertyName("data");
        writeData(w);
        w.WriteEndObject();
    });

    public static byte[] V2Ok(Action<Utf8JsonWriter> writeData, string message, long? nextId = null) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", 200);
        w.WritePropertyName("data");
        writeData(w);
        w.WriteString("message", message);
        if (nextId is { } next) w.WriteNumber("nextId", next);
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    });

    public static byte[] SwapOk(Action<Utf8JsonWriter> writeData, long nowMs) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WritePropertyName("data");
        writeData(w);
        w.WriteNumber("ts", nowMs);
        w.WriteEndObject();
    });

    public static byte[] Error(HtxError error, long nowMs) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        switch (error.Style)
        {
            case HtxStyle.V1:
                w.WriteString("status", "error");
                w.WriteString("err-code", error.Code);
                w.WriteString("err-msg", error.Message);
                w.WriteNull("data");
                break;
            case HtxStyle.V2:
                w.WriteNumber("code", long.Parse(error.Code, CultureInfo.InvariantCulture));
                w.WriteNull("data");
                w.WriteString("message", error.Message);
                w.WriteBoolean("success", false);
                break;
            default:
                w.WriteString("status", "error");
                w.WriteNumber("err_code", long.Parse(error.Code, CultureInfo.InvariantCulture));
                w.WriteString("err_msg", error.Message);
                w.WriteNumber("ts", nowMs);
                break;
        }
        w.WriteEndObject();
    });

    /// <summary>An amount as a JSON number, as the swap endpoints send them.</summary>
    public static void Number(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(DecimalText.Plain(value), skipInputValidation: true);
    }
}
