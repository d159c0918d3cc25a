using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST sub-account/transfer/subToMaster (sub-account key): the caller's spot to its master's spot.</summary>
/// <param name="Asset">Upper-case asset code.</param>
/// <param name="Amount">More than zero.</param>
public sealed record SubAccountToMasterRequest(string Asset, decimal Amount) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate(int maxDecimalPlaces) => InputRules.Asset(Asset) ?? InputRules.Amount(Amount, maxDecimalPlaces);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}
