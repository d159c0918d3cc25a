using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>All keys by API-key string (case-sensitive, as Binance keys are).</summary>
internal sealed class KeyRing(IEnumerable<ScenarioApiKey> keys)
{
    private readonly Dictionary<string, SimApiKey> _keys = keys.ToDictionary(k => k.ApiKey, k => new SimApiKey(k), StringComparer.Ordinal);

    public SimApiKey? Find(string apiKey) => _keys.GetValueOrDefault(apiKey);
}
