namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>
/// The master's view of its sub-accounts (state and rules next to <see cref="SimLedger"/>), one part per concern:
/// the accounts themselves, their balances, deposits, per-key IP restrictions and futures positions. The parts share
/// one state and one lock; changes are written through the store before memory changes, and product flags live on the
/// ledger's <see cref="SimUser"/>, so transfers see them at once.
/// </summary>
public sealed class SubAccountBook
{
    private readonly SubAccountRegister _register;

    /// <summary>Builds the book over loaded state; a sub-account of the ledger without a profile (a state file older than
    /// the book) gets one now, numbered after the others.</summary>
    public SubAccountBook(SimLedger ledger, SubAccountBookState state, ISubAccountBookStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(state);
        _register = new SubAccountRegister(ledger, state, store, time);
        Accounts = new SubAccountDirectory(_register);
        Balances = new SubAccountBalances(_register, Accounts);
        Deposits = new SubAccountDeposits(_register);
        IpRestrictions = new SubAccountIpRestrictions(_register);
        Positions = new SubAccountPositions(_register, Accounts);
    }

    /// <summary>List, find and create sub-accounts; turn on their products.</summary>
    public SubAccountDirectory Accounts { get; }

    /// <summary>Sub-account wallets and their BTC and USD values.</summary>
    public SubAccountBalances Balances { get; }

    /// <summary>Deposit addresses and deposit history.</summary>
    public SubAccountDeposits Deposits { get; }

    /// <summary>IP restrictions of sub-account API keys.</summary>
    public SubAccountIpRestrictions IpRestrictions { get; }

    /// <summary>Futures positions and position moves.</summary>
    public SubAccountPositions Positions { get; }

    /// <summary>Replaces the book with <paramref name="state"/> as the state file holds it now (another process
    /// serving the same file changed it); the ledger has been reloaded first.</summary>
    public void Reload(SubAccountBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _register.Reload(state);
    }

    /// <summary>A consistent copy of the book.</summary>
    public SubAccountBookState Snapshot() => _register.Snapshot();
}
