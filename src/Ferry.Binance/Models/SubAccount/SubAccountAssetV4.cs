using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One balance of GET /sapi/v4/sub-account/assets (amounts are JSON strings).</summary>
/// <remarks>Its amounts keep a converter of their own: v4's documented shape is a string only, where the context's also takes a number.</remarks>
public sealed record SubAccountAssetV4
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Free { get; init; }

    /// <summary>Locked in orders.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Withdrawing { get; init; }
}
