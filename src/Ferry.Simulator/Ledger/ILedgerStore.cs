namespace Ferry.Simulator.Ledger;

/// <summary>Where committed moves are written through. Called under the ledger's lock, before memory changes:
/// if it throws, the move did not happen.</summary>
public interface ILedgerStore
{
    /// <summary>Durably records a move and the balances it changed, and the next id to hand out.</summary>
    void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId);
}
