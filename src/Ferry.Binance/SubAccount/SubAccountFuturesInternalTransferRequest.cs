using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST sub-account/futures/internalTransfer (master key): futures wallet to the same kind of futures wallet
/// of another family account (the master's email is allowed on either side).</summary>
/// <param name="FromEmail">The source account's email.</param>
/// <param name="ToEmail">The target account's email.</param>
/// <param name="FuturesType">USDⓈ-M or COIN-M.</param>
/// <param name="Asset">Upper-case asset code.</param>
/// <param name="Amount">More than zero.</param>
public sealed record SubAccountFuturesInternalTransferRequest(
    string FromEmail, string ToEmail, SubAccountFuturesType FuturesType, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate(int maxDecimalPlaces) =>
        SubAccountInputRules.Email(FromEmail, "fromEmail", true)
        ?? SubAccountInputRules.Email(ToEmail, "toEmail", true)
        ?? (string.Equals(FromEmail, ToEmail, StringComparison.OrdinalIgnoreCase)
            ? "fromEmail and toEmail are the same account; a futures internal transfer moves between two accounts." : null)
        ?? SubAccountInputRules.Defined(FuturesType, "futuresType")
        ?? InputRules.Asset(Asset)
        ?? InputRules.Amount(Amount, maxDecimalPlaces);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("fromEmail", FromEmail);
        writer.Add("toEmail", ToEmail);
        writer.Add("futuresType", (long)FuturesType);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}
