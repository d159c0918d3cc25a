using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>
/// Managed sub-accounts, next to <see cref="SimLedger"/>: which sub-accounts the investor master manages and
/// which trading team each is bound to, scheduled withdrawals, and the rules of the three roles. Money moves only through
/// <see cref="SimLedger.Move"/> (channels <see cref="ManagedMoveChannels"/>), so totals, histories and the auditor see
/// every deposit and withdrawal. Snapshots and transfer logs are derived from the ledger, never stored twice. The book
/// composes its reads (<see cref="Queries"/>) and its moves (<see cref="Transfers"/>) over one shared state.
/// </summary>
public sealed class ManagedSubAccountBook
{
    private readonly ManagedSubAccountRegister _register;

    /// <summary>Builds the book over loaded state (profiles whose user the ledger does not know are dropped).</summary>
    public ManagedSubAccountBook(SimLedger ledger, SubAccountBook subAccounts, ManagedSubAccountBookState state,
        IManagedSubAccountBookStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(subAccounts);
        ArgumentNullException.ThrowIfNull(state);
        _register = new ManagedSubAccountRegister(ledger, subAccounts, state, store, time);
        Queries = new ManagedSubAccountQueries(_register);
        Transfers = new ManagedSubAccountTransfers(_register);
    }

    /// <summary>The list, wallets, deposit addresses and snapshots of managed sub-accounts.</summary>
    public ManagedSubAccountQueries Queries { get; }

    /// <summary>Deposits, (scheduled) withdrawals and the transfer logs.</summary>
    public ManagedSubAccountTransfers Transfers { get; }

    /// <summary>True when a scheduled withdrawal is due on the simulator's clock (one read;
    /// <see cref="ManagedSubAccountTransfers.RunDue"/> runs it).</summary>
    public bool HasDueWork => _register.HasDueWork;

    /// <summary>Replaces the book with <paramref name="state"/> as the state file holds it now (another process
    /// serving the same file changed it); the ledger has been reloaded first.</summary>
    public void Reload(ManagedSubAccountBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _register.Reload(state);
    }

    /// <summary>A consistent copy of the book.</summary>
    public ManagedSubAccountBookState Snapshot() => _register.Snapshot();
}
