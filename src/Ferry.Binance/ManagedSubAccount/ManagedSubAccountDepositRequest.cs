using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>POST /sapi/v1/managed-subaccount/deposit: the investor's spot <paramref name="Asset"/> into a managed sub-account.</summary>
/// <param name="ToEmail">The managed sub-account.</param>
/// <param name="Asset">Upper-case asset, e.g. USDT.</param>
/// <param name="Amount">More than zero, at most 8 decimal places.</param>
public sealed record ManagedSubAccountDepositRequest(string ToEmail, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(ToEmail, "toEmail") ?? InputRules.Asset(Asset) ?? InputRules.Amount(Amount, 8);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("toEmail", ToEmail);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}
