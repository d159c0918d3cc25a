using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET fetch-future-asset: one managed sub-account's futures account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountFuturesQuery(string Email) : IWireParameters
{
    /// <summary>USDT_FUTURE or COIN_FUTURE; null sends none (Binance's default, USDⓈ-M).</summary>
    public ManagedFuturesAccountType? AccountType { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? ManagedWireNames.Defined(AccountType, "accountType");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.AddIfPresent("accountType", AccountType?.WireName());
    }
}
