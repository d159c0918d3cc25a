using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;

namespace Ferry.Engine.Accounts;

/// <summary>A named exchange account as configured: where it is, whose it is, and how it signs. A master's entry may
/// list its <paramref name="SubAccounts"/> (the emails Ferry may route to); a sub-account key's entry names its
/// <paramref name="MasterEmail"/>.</summary>
public sealed record AccountDefinition(
    string Name,
    Venue Venue,
    AccountEnvironment Environment,
    Uri BaseAddress,
    ApiCredentials Credentials,
    string? Email = null,
    string? Description = null,
    IReadOnlyList<string>? SubAccounts = null,
    string? MasterEmail = null)
{
    /// <summary>Where the key was read from ("key file (owner-only)", "environment (...)", ...), never the file's location.</summary>
    public string KeySource { get; init; } = "inline";

    /// <summary>The proxy this account names for its keyed requests (HTTPS to an official host only); null: connect directly.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>The account's own rate budgets (accounts.json <c>rateLimits</c>); null keeps the exchange's published ones.</summary>
    public AccountRateLimits? RateLimits { get; init; }

    /// <summary>Masked everywhere: the record printer would otherwise be fine, but be explicit.</summary>
    public override string ToString() => $"{Name} ({Venue.Display()}, {Environment}) {Credentials}";
}
