using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One page of GET sub-account/universalTransfer: <c>{"result":[...],"totalCount":n}</c>.</summary>
public sealed record SubAccountUniversalTransferPage
{
    /// <summary>The rows of this page (empty when the exchange sent none).</summary>
    [JsonPropertyName("result")]
    public IReadOnlyList<SubAccountUniversalTransferRow> Result
    {
        get => _result ?? [];
        init => _result = value;
    }

    /// <summary>How many rows match over all pages.</summary>
    [JsonPropertyName("totalCount")]
    [JsonRequired]
    public int TotalCount { get; init; }

    private readonly IReadOnlyList<SubAccountUniversalTransferRow>? _result;
}
