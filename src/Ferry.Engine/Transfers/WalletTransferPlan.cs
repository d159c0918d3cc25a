using Ferry.Binance;
using Ferry.Engine.Addresses;
using Ferry.Binance.Wallet;
using Ferry.Core.Http;

namespace Ferry.Engine.Transfers;

/// <summary>
/// One call of <c>POST /sapi/v1/asset/transfer</c> on one account's own wallets: the single leg
/// that connects <see cref="From"/> and <see cref="To"/>.
/// </summary>
public sealed record WalletTransferPlan(
    string AccountName,
    WalletAddress From,
    WalletAddress To,
    string Asset,
    decimal Amount,
    UniversalTransferType TransferType,
    string? FromSymbol,
    string? ToSymbol)
{
    /// <summary>The transfer type as Binance spells it, e.g. MAIN_UMFUTURE.</summary>
    public string TransferTypeName => TransferType.WireName();

    /// <summary>The client request that performs this leg.</summary>
    public UniversalTransferRequest ToRequest() =>
        new(TransferType, Asset, Amount) { FromSymbol = FromSymbol, ToSymbol = ToSymbol };

    /// <summary>The endpoint this leg calls.</summary>
    public string Endpoint => BinanceEndpoints.UniversalTransfer.ToString();

    /// <summary>The request parameters as they will be sent (without timestamp and signature).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => ((IWireRequest)ToRequest()).WireParameters();
}
