using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer of GET sub-account/futures/internalTransfer: <c>{"success":true,"futuresType":n,"transfers":[...]}</c>.</summary>
public sealed record SubAccountFuturesInternalTransferPage
{
    /// <summary>True when the query succeeded.</summary>
    [JsonPropertyName("success")]
    [JsonRequired]
    public bool Success { get; init; }

    /// <summary>1 USDⓈ-M, 2 COIN-M.</summary>
    [JsonPropertyName("futuresType")]
    public int FuturesType { get; init; }

    /// <summary>The transfers of this page (empty when none).</summary>
    [JsonPropertyName("transfers")]
    public IReadOnlyList<SubAccountFuturesInternalTransferRow> Transfers
    {
        get => _transfers ?? [];
        init => _transfers = value;
    }

    private readonly IReadOnlyList<SubAccountFuturesInternalTransferRow>? _transfers;
}
