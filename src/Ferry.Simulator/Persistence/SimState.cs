using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>Everything a simulator run starts from: the ledger's state, the Binance API keys and the HTX section.</summary>
internal sealed record SimState(LedgerState Ledger, IReadOnlyList<ScenarioApiKey> Keys, HtxScenario? Htx = null)
{
    /// <summary>A fresh state from a scenario; null gives an empty simulator.</summary>
    public static SimState FromScenario(ScenarioDocument? scenario)
    {
        var b = scenario?.Binance;
        if (b is null)
        {
            return scenario?.Htx is { } htxOnly
                ? HtxSeed.AddTo(new SimState(LedgerState.Seeded([], new Dictionary<BalanceKey, decimal>()), []), htxOnly)
                : new SimState(LedgerState.Seeded([], new Dictionary<BalanceKey, decimal>()), []);
        }
        var users = new List<SimUser> { new(b.Master, IsMaster: true, true, true, true) };
        users.AddRange(b.SubAccounts.Select(s => new SimUser(s.Email, false, s.Futures, s.Margin, s.Options)));
        users.AddRange(b.ManagedSubAccounts.Select(m => new SimUser(m.Email, false, m.Futures, m.Margin, false)));
        var seed = new Dictionary<BalanceKey, decimal>();
        foreach (var balance in b.Balances)
        {
            WalletNames.TryParse(balance.Wallet, out var wallet);
            var key = new BalanceKey(WalletAddress.Of(balance.Owner, wallet, balance.Symbol), balance.Asset);
            seed[key] = seed.GetValueOrDefault(key) + balance.Amount;
        }
        var state = new SimState(LedgerState.Seeded(users, seed), b.ApiKeys);
        return scenario!.Htx is { } htx ? HtxSeed.AddTo(state, htx) : state;
    }
}
