using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Htx;

/// <summary>The HTX side's fixed configuration (from the scenario or the state file): users with their ids, keys,
/// contracts and per-currency minimums. Balances live in the one ledger.</summary>
internal sealed class HtxBook
{
    private readonly Dictionary<string, HtxScenarioApiKey> _keys;
    private readonly Dictionary<string, HtxScenarioUser> _users;
    private readonly Dictionary<string, decimal> _minimums;

    public HtxBook(HtxScenario? htx)
    {
        _keys = (htx?.ApiKeys ?? []).ToDictionary(k => k.AccessKey, StringComparer.Ordinal);
        _users = (htx?.Users ?? []).ToDictionary(u => u.Email, StringComparer.OrdinalIgnoreCase);
        _minimums = (htx?.Minimums ?? []).ToDictionary(m => m.Currency, m => m.Amount, StringComparer.Ordinal);
        Contracts = htx?.Contracts ?? [];
    }

    public IReadOnlyList<string> Contracts { get; }

    public HtxScenarioApiKey? FindKey(string accessKey) => _keys.GetValueOrDefault(accessKey);

    public HtxScenarioUser User(string email) => _users[email];

    public decimal? Minimum(string currency) => _minimums.TryGetValue(currency, out var min) ? min : null;
}
