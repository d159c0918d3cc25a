namespace Ferry.Simulator.Ledger;

/// <summary>The in-memory store: nothing to write.</summary>
internal sealed class MemoryLedgerStore : ILedgerStore
{
    public static readonly MemoryLedgerStore Instance = new();

    public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId)
    {
    }
}
