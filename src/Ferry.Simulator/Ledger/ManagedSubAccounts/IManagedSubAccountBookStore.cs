namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Where managed-book changes are written through; called before memory changes (if it throws, nothing changed).</summary>
public interface IManagedSubAccountBookStore
{
    /// <summary>Durably records the book.</summary>
    void Save(ManagedSubAccountBookState state);
}
