using System.Buffers;
using System.Text.Json;

namespace Ferry.Simulator.Binance;

/// <summary>Writes response bodies with <see cref="Utf8JsonWriter"/>; the simulator has no JSON models of its own to share.</summary>
internal static class JsonBody
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Binance's error envelope: {"code":-1022,"msg":"..."}.</summary>
    public static byte[] Error(BinanceError error) => Write(w =>
    {
        w.WriteStartObject();
        if (error.Code == BinanceErrors.LegacyNoCode)
        {
            // The legacy sub-account shape carries no code: {"msg":"...","success":false}.
            w.WriteString("msg", error.Message);
            w.WriteBoolean("success", false);
            w.WriteEndObject();
            return;
        }
        w.WriteNumber("code", error.Code);
        w.WriteString("msg", error.Message);
        w.WriteEndObject();
    });

    /// <summary>The body for a path the simulator does not serve.</summary>
    public static byte[] NotServed(string method, string path) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("msg", $"Ferry simulator does not serve {method} {path}.");
        w.WriteString("simulator", "Ferry.Simulator");
        w.WriteEndObject();
    });
}
