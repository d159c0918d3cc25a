using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET asset: one managed sub-account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountEmailQuery(string Email) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("email", Email);
}
