using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One side (base or quote) of an isolated pair.</summary>
public sealed record IsolatedMarginAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Borrowing allowed.</summary>
    [JsonPropertyName("borrowEnabled")]
    public bool BorrowEnabled { get; init; }

    /// <summary>Borrowed.</summary>
    [JsonPropertyName("borrowed")]
    [JsonRequired]
    public decimal Borrowed { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Interest owed.</summary>
    [JsonPropertyName("interest")]
    [JsonRequired]
    public decimal Interest { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }

    /// <summary>Net.</summary>
    [JsonPropertyName("netAsset")]
    [JsonRequired]
    public decimal NetAsset { get; init; }

    /// <summary>Net in BTC.</summary>
    [JsonPropertyName("netAssetOfBtc")]
    public decimal? NetAssetOfBtc { get; init; }

    /// <summary>Repaying allowed.</summary>
    [JsonPropertyName("repayEnabled")]
    public bool RepayEnabled { get; init; }

    /// <summary>Total.</summary>
    [JsonPropertyName("totalAsset")]
    [JsonRequired]
    public decimal TotalAsset { get; init; }
}
