namespace Ferry.Simulator.Ledger;

/// <summary>Everything the ledger holds, as plain data: what a store loads and what the auditor reads.</summary>
public sealed record LedgerState(
    IReadOnlyList<SimUser> Users,
    IReadOnlyDictionary<BalanceKey, decimal> SeedBalances,
    IReadOnlyDictionary<BalanceKey, decimal> Balances,
    IReadOnlyList<LedgerMove> History,
    long NextId)
{
    /// <summary>The first transfer id of a fresh ledger (Binance ids are large numbers; clients must not assume small ones).</summary>
    public const long FirstId = 100_000_001;

    /// <summary>A fresh ledger: the seed is also the current balance, no history yet.</summary>
    public static LedgerState Seeded(IReadOnlyList<SimUser> users, IReadOnlyDictionary<BalanceKey, decimal> seed) =>
        new(users, seed, seed, [], FirstId);
}
