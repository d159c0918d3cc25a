using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST sub-account/transfer/subToSub (sub-account key): the caller's spot to another sub-account's spot.</summary>
/// <param name="ToEmail">The other sub-account's email (same master).</param>
/// <param name="Asset">Upper-case asset code.</param>
/// <param name="Amount">More than zero.</param>
public sealed record SubAccountToSubAccountRequest(string ToEmail, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate(int maxDecimalPlaces) =>
        SubAccountInputRules.Email(ToEmail, "toEmail", true) ?? InputRules.Asset(Asset) ?? InputRules.Amount(Amount, maxDecimalPlaces);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("toEmail", ToEmail);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}
