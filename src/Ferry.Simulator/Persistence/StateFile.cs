using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// A simulator's state file, opened: the SQLite store, its gate and the two sub-account book stores over one
/// connection, and the state read (or seeded) from it. Only this type names SQLite's types, so a simulator kept in
/// memory never loads SQLite (the JIT loads the assemblies a method body names when it compiles it).
/// </summary>
internal sealed class StateFile : IDisposable
{
    private readonly SqliteStateStore _store;
    private readonly SqliteStateGate _gate;
    private readonly SubAccountBookStore _subAccounts;
    private readonly ManagedSubAccountBookStore _managed;

    private StateFile(SqliteStateStore store, SqliteStateGate gate)
    {
        _store = store;
        _gate = gate;
        _subAccounts = new SubAccountBookStore(store.Connection);
        _managed = new ManagedSubAccountBookStore(store.Connection);
    }

    public ILedgerStore LedgerStore => _store;
    public ISubAccountBookStore SubAccountStore => _subAccounts;
    public IManagedSubAccountBookStore ManagedStore => _managed;
    public IStateGate Gate => _gate;

    /// <summary>The state the file held when opened (seeded from the scenario if the file was new).</summary>
    public (SimState State, SubAccountBookState SubAccounts, ManagedSubAccountBookState Managed) Loaded { get; private set; }

    /// <summary>Opens (or creates and seeds) the file at <paramref name="path"/>. Creating and seeding a new file, or
    /// reading an existing one, happens under the file's write lock: when two processes start at once, exactly one
    /// seeds and the other loads what it seeded.</summary>
    public static StateFile Open(string path, TimeSpan lockTimeout, ScenarioDocument? scenario, long nowMs)
    {
        var store = SqliteStateStore.Open(path, lockTimeout);
        SqliteStateGate? gate = null;
        try
        {
            gate = new SqliteStateGate(store.Connection, lockTimeout);
            var file = new StateFile(store, gate);
            file.Loaded = gate.Write(() => (store.LoadOrSeed(scenario), file._subAccounts.Load(scenario, nowMs), file._managed.Load(scenario, nowMs)));
            return file;
        }
        catch
        {
            gate?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>When another process serving the same file committed, memory becomes what the file holds (keys and the
    /// HTX section never change after seeding).</summary>
    public void ReloadInto(SimLedger ledger, SubAccountBook subAccounts, ManagedSubAccountBook managed, ScenarioDocument? scenario, TimeProvider time) =>
        _gate.UseReload(() =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            ledger.Reload(_store.Read().Ledger);
            subAccounts.Reload(_subAccounts.Load(scenario, now));
            managed.Reload(_managed.Load(scenario, now));
        });

    public void Dispose()
    {
        _gate.Dispose();
        _store.Dispose();
    }
}
