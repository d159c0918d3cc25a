using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>A key the simulator accepts: its owner, permissions and how to verify its signatures.</summary>
internal sealed class SimApiKey
{
    public SimApiKey(ScenarioApiKey source)
    {
        Source = source;
        Permissions = PermissionNames.Combine(source.Permissions);
        Verifier = SignatureVerifiers.Create(source);
    }

    public ScenarioApiKey Source { get; }

    public string Owner => Source.Owner;

    public Permission Permissions { get; }

    public ISignatureVerifier Verifier { get; }

    public bool Has(Permission permission) => (Permissions & permission) == permission;
}

/// <summary>All keys by API-key string (case-sensitive, as Binance keys are).</summary>
internal sealed class KeyRing(IEnumerable<ScenarioApiKey> keys)
{
    private readonly Dictionary<string, SimApiKey> _keys = keys.ToDictionary(k => k.ApiKey, k => new SimApiKey(k), StringComparer.Ordinal);

    public SimApiKey? Find(string apiKey) => _keys.GetValueOrDefault(apiKey);
}
