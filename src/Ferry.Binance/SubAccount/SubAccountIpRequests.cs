using System.Net;
using System.Net.Sockets;
using Ferry.Binance.Http;
using Ferry.Core.Credentials;

namespace Ferry.Binance.SubAccount;

/// <summary>Checks shared by the IP-restriction requests.</summary>
internal static class IpInput
{
    /// <summary>A sub-account API key: 1..512 printable ASCII characters without spaces.</summary>
    public static string? ApiKey(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? "subAccountApiKey is required (the sub-account's API key)."
        : apiKey.Length <= 512 && apiKey.All(c => c > ' ' && c < 0x7f) ? null
        : "subAccountApiKey must be printable ASCII without spaces.";

    /// <summary>Static IPv4 (dotted quad) or IPv6 addresses; <paramref name="atLeastOne"/> when the list may not be empty.</summary>
    public static string? Addresses(IReadOnlyList<string>? ips, bool atLeastOne)
    {
        if (ips is null || ips.Count == 0) return atLeastOne ? "ipAddress needs at least one IP address." : null;
        foreach (var ip in ips)
        {
            if (!IsIp(ip)) return $"ipAddress '{SubAccountInput.Printable(ip ?? "")}' is not a static IPv4 or IPv6 address.";
        }
        return null;
    }

    public static bool IsIp(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out var ip)) return false;
        return ip.AddressFamily == AddressFamily.InterNetworkV6 ? text.Contains(':', StringComparison.Ordinal)
            : text.Split('.').Length == 4 && text.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}

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
