namespace Ferry.Simulator.Scenario;

/// <summary>An API key: its owner, exactly one way to verify signatures (HMAC secret, Ed25519 or RSA public key PEM)
/// and its permission names. <see cref="ToString"/> never prints the secret.</summary>
public sealed record ScenarioApiKey(
    string Owner, string ApiKey, string? Secret, string? Ed25519PublicKey, string? RsaPublicKey, IReadOnlyList<string> Permissions)
{
    /// <summary>Which signing scheme the key uses: HMAC, ED25519 or RSA.</summary>
    public string Kind => Secret is not null ? "HMAC" : Ed25519PublicKey is not null ? "ED25519" : "RSA";

    /// <inheritdoc/>
    public override string ToString() =>
        $"ScenarioApiKey {{ Owner = {Owner}, ApiKey = {Mask(ApiKey)}, Kind = {Kind}, Permissions = [{string.Join(", ", Permissions)}] }}";

    private static string Mask(string key) => key.Length <= 9 ? "***" : $"{key[..5]}...{key[^4..]}";
}
