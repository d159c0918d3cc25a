namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>The in-memory store: nothing to write.</summary>
internal sealed class MemorySubAccountBookStore : ISubAccountBookStore
{
    public static readonly MemorySubAccountBookStore Instance = new();

    public void Save(SubAccountBookState state, SimUser? changedUser)
    {
    }
}
