using Ferry.Binance.Http;
using Ferry.Core.Credentials;

namespace Ferry.Binance.SubAccount;

/// <summary>POST /sapi/v2/sub-account/subAccountApi/ipRestriction: set a sub-account key's restriction and add trusted IPs.</summary>
/// <param name="Email">The sub-account.</param>
/// <param name="SubAccountApiKey">Its API key (masked in <see cref="ToString"/>).</param>
/// <param name="Restricted">True: only trusted IPs (status 2); false: unrestricted (status 1).</param>
public sealed record SubAccountIpRestrictionRequest(string Email, string SubAccountApiKey, bool Restricted) : IWireParameters
{
    /// <summary>Addresses to add to the trusted list.</summary>
    public IReadOnlyList<string>? IpAddresses { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? IpInput.ApiKey(SubAccountApiKey) ?? IpInput.Addresses(IpAddresses, atLeastOne: false);

    /// <summary>Never prints the whole key.</summary>
    public override string ToString() =>
        $"SubAccountIpRestrictionRequest {{ Email = {Email}, SubAccountApiKey = {Masking.ApiKey(SubAccountApiKey ?? "")}, Restricted = {Restricted}, IpAddresses = [{string.Join(", ", IpAddresses ?? [])}] }}";

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("subAccountApiKey", SubAccountApiKey);
        writer.Add("status", Restricted ? "2" : "1");
        if (IpAddresses is { Count: > 0 } ips) writer.Add("ipAddress", string.Join(',', ips));
    }
}
