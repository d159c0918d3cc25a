using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>Puts a scenario's htx section into a fresh state: its users join the one ledger (a user already known from
/// the Binance section is the same person, with HTX wallets beside the Binance ones), its balances join the seed.</summary>
internal static class HtxSeed
{
    public static SimState AddTo(SimState state, HtxScenario htx)
    {
        var users = state.Ledger.Users.ToList();
        foreach (var user in htx.Users)
        {
            if (!users.Any(u => string.Equals(u.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
            {
                users.Add(new SimUser(user.Email, IsMaster: false, FuturesEnabled: false, MarginEnabled: false, OptionsEnabled: false));
            }
        }

        var seed = new Dictionary<BalanceKey, decimal>(state.Ledger.SeedBalances);
        foreach (var balance in htx.Balances)
        {
            WalletNames.TryParse(balance.Wallet, out var wallet);
            var owner = users.First(u => string.Equals(u.Email, balance.Owner, StringComparison.OrdinalIgnoreCase)).Email;
            var key = new BalanceKey(WalletAddress.Of(owner, wallet, balance.Contract), balance.Currency);
            seed[key] = seed.GetValueOrDefault(key) + balance.Amount;
        }

        return state with { Ledger = LedgerState.Seeded(users, seed), Htx = htx };
    }
}
