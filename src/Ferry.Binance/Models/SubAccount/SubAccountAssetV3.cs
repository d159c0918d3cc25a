using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One balance of GET /sapi/v3/sub-account/assets (amounts are JSON numbers).</summary>
/// <remarks>
/// Its amounts keep a converter of their own: the context's <see cref="WireDecimalJsonConverter"/> takes a string or a
/// number and writes a string, while v3's documented shape is a number only, read and written.
/// </remarks>
public sealed record SubAccountAssetV3
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Free { get; init; }

    /// <summary>Locked in orders.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Withdrawing { get; init; }
}
