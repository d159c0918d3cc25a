namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Where book changes are written through: the whole book plus, when a user was added or its flags changed, that
/// user. Called before memory changes; if it throws, the change did not happen.</summary>
public interface ISubAccountBookStore
{
    /// <summary>Durably records the book and the changed user (if any), in one transaction.</summary>
    void Save(SubAccountBookState state, SimUser? changedUser);
}
