using System.Net;
using System.Net.Sockets;

namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Per-key IP restrictions of sub-account API keys, and the check the gateway makes with them.</summary>
public sealed class SubAccountIpRestrictions
{
    private readonly SubAccountRegister _register;

    internal SubAccountIpRestrictions(SubAccountRegister register) => _register = register;

    private IReadOnlyDictionary<string, string> _keyOwners = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tells the book which user owns each API key (the keys live in the venue's key ring).</summary>
    public void UseKeyOwners(IEnumerable<KeyValuePair<string, string>> keyOwners) =>
        _keyOwners = keyOwners.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    /// <summary>The restriction of <paramref name="apiKey"/> of the caller's sub-account <paramref name="email"/> (an
    /// unrestricted, empty one when none was ever set).</summary>
    public SubAccountFailure? IpRestriction(string caller, string? email, string apiKey, out KeyIpRestriction restriction)
    {
        restriction = null!;
        lock (_register.Gate)
        {
            if (FindKey(caller, email, apiKey, out var owner) is { } failure) return failure;
            restriction = Current(apiKey, owner);
            return null;
        }
    }

    /// <summary>Sets the restriction status and adds <paramref name="add"/> to the trusted list (POST v2). Restricting a
    /// key to an empty list is refused as an invalid value (it would lock the key out everywhere).</summary>
    public SubAccountFailure? SetIpRestriction(string caller, string? email, string apiKey, bool restricted, IReadOnlyList<string> add,
        out KeyIpRestriction restriction)
    {
        restriction = null!;
        lock (_register.Gate)
        {
            if (FindKey(caller, email, apiKey, out var owner) is { } failure) return failure;
            var current = Current(apiKey, owner);
            var list = current.IpList.Concat(add.Where(ip => !current.IpList.Contains(ip, StringComparer.OrdinalIgnoreCase)))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (restricted && list.Count == 0) return SubAccountFailure.InvalidValue;
            restriction = current with { Restricted = restricted, IpList = list, UpdateTimeMs = _register.NowMs };
            _register.Commit(_register.State with { IpRestrictions = Replace(restriction) }, null);
            return null;
        }
    }

    /// <summary>Removes addresses from the trusted list (DELETE ipList); addresses not on it are ignored. The status is
    /// kept, so a restricted key whose list becomes empty can no longer be used from anywhere (assumed).</summary>
    public SubAccountFailure? RemoveIps(string caller, string? email, string apiKey, IReadOnlyList<string> remove, out KeyIpRestriction restriction)
    {
        restriction = null!;
        lock (_register.Gate)
        {
            if (FindKey(caller, email, apiKey, out var owner) is { } failure) return failure;
            var current = Current(apiKey, owner);
            restriction = current with
            {
                IpList = [.. current.IpList.Where(ip => !remove.Contains(ip, StringComparer.OrdinalIgnoreCase))],
                UpdateTimeMs = _register.NowMs,
            };
            _register.Commit(_register.State with { IpRestrictions = Replace(restriction) }, null);
            return null;
        }
    }

    /// <summary>Whether <paramref name="apiKey"/> may be used from <paramref name="caller"/>: always for a key without a
    /// restriction, else only from an address on its list.</summary>
    public bool KeyAllowedFrom(string apiKey, IPAddress? caller)
    {
        var restriction = _register.Snapshot().IpRestrictions.FirstOrDefault(r => r.ApiKey == apiKey);
        if (restriction is not { Restricted: true }) return true;
        if (caller is null) return false;
        if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
        return restriction.IpList.Any(ip => IPAddress.TryParse(ip, out var allowed) && allowed.Equals(caller));
    }

    /// <summary>A static IPv4 (dotted quad) or IPv6 address, as Binance's trusted-IP list takes them.</summary>
    public static bool IsIpAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var ip)) return false;
        return ip.AddressFamily == AddressFamily.InterNetworkV6 ? text.Contains(':', StringComparison.Ordinal)
            : text.Split('.').Length == 4 && text.All(c => char.IsAsciiDigit(c) || c == '.');
    }

    private SubAccountFailure? FindKey(string caller, string? email, string apiKey, out string owner)
    {
        owner = "";
        if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
        if (!_keyOwners.TryGetValue(apiKey, out var keyOwner) || !string.Equals(keyOwner, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return SubAccountFailure.UnknownApiKey;
        }
        owner = user.Email;
        return null;
    }

    private KeyIpRestriction Current(string apiKey, string owner) =>
        _register.State.IpRestrictions.FirstOrDefault(r => r.ApiKey == apiKey) ?? new KeyIpRestriction(apiKey, owner, false, [], 0);

    private IReadOnlyList<KeyIpRestriction> Replace(KeyIpRestriction restriction) =>
        [.. _register.State.IpRestrictions.Where(r => r.ApiKey != restriction.ApiKey), restriction];
}
