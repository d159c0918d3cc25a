using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST sub-account/futures/transfer (master key): a sub-account's spot ↔ USDⓈ-M or COIN-M futures.</summary>
/// <param name="Email">The sub-account's email.</param>
/// <param name="Asset">Upper-case asset code.</param>
/// <param name="Amount">More than zero.</param>
/// <param name="Type">Which wallets and direction.</param>
public sealed record SubAccountFuturesTransferRequest(string Email, string Asset, decimal Amount, SubAccountFuturesTransferType Type) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate(int maxDecimalPlaces) =>
        SubAccountInputRules.Email(Email, "email", true)
        ?? InputRules.Asset(Asset)
        ?? InputRules.Amount(Amount, maxDecimalPlaces)
        ?? SubAccountInputRules.Defined(Type, "type");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
        writer.Add("type", (long)Type);
    }
}
