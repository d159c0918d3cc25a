using Ferry.Engine.Accounts;

namespace Ferry.Cli.Output.Json;

/// <summary>An account just added or imported, its key masked.</summary>
internal sealed record StoredAccountDocument(
    string Name, string Venue, string Environment, string Signing, string ApiKey, string Secret, string? Description)
{
    public static StoredAccountDocument From(AccountDefinition a) =>
        new(a.Name, a.Venue.ToString().ToLowerInvariant(), a.Environment.ToString().ToLowerInvariant(),
            a.Credentials.Kind.ToString().ToLowerInvariant(), a.Credentials.MaskedApiKey, a.Credentials.Secret.ToString(), a.Description);
}
