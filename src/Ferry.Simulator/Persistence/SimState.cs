using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Persistence;

/// <summary>Everything a simulator run starts from: the ledger's state and the API keys.</summary>
internal sealed record SimState(LedgerState Ledger, IReadOnlyList<ScenarioApiKey> Keys)
{
    /// <summary>A fresh state from a scenario; null gives an empty simulator.</summary>
    public static SimState FromScenario(ScenarioDocument? scenario)
    {
        var b = scenario?.Binance;
        if (b is null) return new SimState(LedgerState.Seeded([], new Dictionary<BalanceKey, decimal>()), []);
        var users = new List<SimUser> { new(b.Master, IsMaster: true, true, true, true) };
        users.AddRange(b.SubAccounts.Select(s => new SimUser(s.Email, false, s.Futures, s.Margin, s.Options)));
        var seed = new Dictionary<BalanceKey, decimal>();
        foreach (var balance in b.Balances)
        {
            WalletNames.TryParse(balance.Wallet, out var wallet);
            var key = new BalanceKey(WalletAddress.Of(balance.Owner, wallet, balance.Symbol), balance.Asset);
            seed[key] = seed.GetValueOrDefault(key) + balance.Amount;
        }
        return new SimState(LedgerState.Seeded(users, seed), b.ApiKeys);
    }
}
