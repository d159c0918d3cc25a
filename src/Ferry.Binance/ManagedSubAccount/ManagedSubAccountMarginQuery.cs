using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET marginAsset: one managed sub-account's margin account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountMarginQuery(string Email) : IWireParameters
{
    /// <summary>MARGIN or ISOLATED_MARGIN; null sends none (Binance's default, cross margin).</summary>
    public ManagedMarginAccountType? AccountType { get; init; }

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
