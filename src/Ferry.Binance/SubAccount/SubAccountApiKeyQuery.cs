using Ferry.Binance.Http;
using Ferry.Core.Credentials;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1/sub-account/subAccountApi/ipRestriction: a sub-account key's restriction.</summary>
/// <param name="Email">The sub-account.</param>
/// <param name="SubAccountApiKey">Its API key (masked in <see cref="ToString"/>).</param>
public sealed record SubAccountApiKeyQuery(string Email, string SubAccountApiKey) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? IpInput.ApiKey(SubAccountApiKey);

    /// <summary>Never prints the whole key.</summary>
    public override string ToString() => $"SubAccountApiKeyQuery {{ Email = {Email}, SubAccountApiKey = {Masking.ApiKey(SubAccountApiKey ?? "")} }}";

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("subAccountApiKey", SubAccountApiKey);
    }
}
