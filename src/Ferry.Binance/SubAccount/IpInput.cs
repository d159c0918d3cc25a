using System.Net;
using System.Net.Sockets;

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
