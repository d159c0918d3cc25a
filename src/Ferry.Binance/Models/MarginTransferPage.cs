using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One page of GET /sapi/v1/margin/transfer (newest first).</summary>
public sealed record MarginTransferPage
{
    /// <summary>How many rows match the query over all pages.</summary>
    [JsonPropertyName("total")]
    [JsonRequired]
    public int Total { get; init; }

    /// <summary>The rows of this page (empty when the exchange sent none).</summary>
    [JsonPropertyName("rows")]
    public IReadOnlyList<MarginTransferRow> Rows
    {
        get => _rows ?? [];
        init => _rows = value;
    }

    // Generated deserializers set init-only properties even when the JSON lacks them (to null).
    private readonly IReadOnlyList<MarginTransferRow>? _rows;
}
