namespace Ferry.Simulator.Scenario;

/// <summary>An HTX API key (HMAC, Signature V2) and its permissions ("read", "trade", "withdraw"; read is implied).
/// <see cref="ToString"/> never prints the secret.</summary>
public sealed record HtxScenarioApiKey(string Owner, string AccessKey, string SecretKey, IReadOnlyList<string> Permissions)
{
    /// <summary>True when the key may call trade endpoints (the spot ⇄ swap transfer).</summary>
    public bool CanTrade => Permissions.Contains("trade", StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() =>
        $"HtxScenarioApiKey {{ Owner = {Owner}, AccessKey = {(AccessKey.Length <= 9 ? "***" : $"{AccessKey[..5]}...{AccessKey[^4..]}")}, Permissions = [{string.Join(", ", Permissions)}] }}";
}
