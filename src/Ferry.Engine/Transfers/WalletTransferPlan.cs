using Ferry.Addresses;
using Ferry.Money;

namespace Ferry.Transfers;

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
    string TransferType,
    string? FromSymbol,
    string? ToSymbol)
{
    /// <summary>The endpoint this leg calls.</summary>
    public string Endpoint => "POST /sapi/v1/asset/transfer";

    /// <summary>The request parameters as they will be sent (without timestamp and signature).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters
    {
        get
        {
            var list = new List<KeyValuePair<string, string>>
            {
                new("type", TransferType), new("asset", Asset), new("amount", WireDecimal.Format(Amount)),
            };
            if (FromSymbol is not null) list.Add(new("fromSymbol", FromSymbol));
            if (ToSymbol is not null) list.Add(new("toSymbol", ToSymbol));
            return list;
        }
    }
}
