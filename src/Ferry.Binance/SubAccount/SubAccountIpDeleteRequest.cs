using Ferry.Binance.Http;
using Ferry.Core.Credentials;

namespace Ferry.Binance.SubAccount;

/// <summary>DELETE /sapi/v1/sub-account/subAccountApi/ipRestriction/ipList: remove trusted IPs of a sub-account key.</summary>
/// <param name="Email">The sub-account.</param>
/// <param name="SubAccountApiKey">Its API key (masked in <see cref="ToString"/>).</param>
/// <param name="IpAddresses">The addresses to remove (at least one).</param>
public sealed record SubAccountIpDeleteRequest(string Email, string SubAccountApiKey, IReadOnlyList<string> IpAddresses) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? IpInput.ApiKey(SubAccountApiKey) ?? IpInput.Addresses(IpAddresses, atLeastOne: true);

    /// <summary>Never prints the whole key.</summary>
    public override string ToString() =>
        $"SubAccountIpDeleteRequest {{ Email = {Email}, SubAccountApiKey = {Masking.ApiKey(SubAccountApiKey ?? "")}, IpAddresses = [{string.Join(", ", IpAddresses ?? [])}] }}";

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("subAccountApiKey", SubAccountApiKey);
        writer.Add("ipAddress", string.Join(',', IpAddresses));
    }
}
