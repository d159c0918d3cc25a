namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>The in-memory store: nothing to write.</summary>
internal sealed class MemoryManagedSubAccountBookStore : IManagedSubAccountBookStore
{
    public static readonly MemoryManagedSubAccountBookStore Instance = new();

    public void Save(ManagedSubAccountBookState state)
    {
    }
}
