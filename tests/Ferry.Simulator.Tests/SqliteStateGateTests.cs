using Ferry.Simulator.Ledger;
using Ferry.Simulator.Persistence;
using Ferry.Simulator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ferry.Simulator.Tests;

/// <summary>The state gate's promises: one process alone never reloads, a commit by another connection costs exactly
/// one reload, and a write that fails leaves the file as it was and memory marked stale.</summary>
public sealed class SqliteStateGateTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ferry-sim-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _open = [];

    private string StatePath => Path.Combine(_dir, "state.db");

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_open)) d.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A store and its gate on the shared file, seeded if new, counting reloads.</summary>
    private (SqliteStateStore Store, SqliteStateGate Gate, Func<int> Reloads) Open()
    {
        var store = SqliteStateStore.Open(StatePath, Bound);
        var gate = new SqliteStateGate(store.Connection, Bound);
        _open.Add(store);
        _open.Add(gate);
        gate.Write(() => store.LoadOrSeed(TestScenario.Document()));
        var reloads = 0;
        gate.UseReload(() => reloads++);
        return (store, gate, () => reloads);
    }

    private static LedgerMove Move(long id) => new(
        id, 0, MoveChannels.UniversalTransfer, "MAIN_FUNDING", TestScenario.Master,
        WalletAddress.Of(TestScenario.Master, WalletKind.Spot), WalletAddress.Of(TestScenario.Master, WalletKind.Funding),
        "USDT", 1m, LedgerMove.Confirmed, null);

    private long MovesInFile()
    {
        using var c = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM moves";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void One_process_alone_never_reloads()
    {
        var (store, gate, reloads) = Open();

        for (var id = 1; id <= 20; id++)
        {
            gate.Write(() => { store.Commit(Move(id), [], id + 1); return 0; });
            gate.Read(() => 0);
        }

        Assert.Equal(0, reloads());
        Assert.Equal(20, MovesInFile());
    }

    [Fact]
    public void A_commit_by_another_connection_costs_exactly_one_reload_on_the_next_call()
    {
        var (_, gate, reloads) = Open();
        var (otherStore, otherGate, otherReloads) = Open();

        otherGate.Write(() => { otherStore.Commit(Move(1), [], 2); return 0; });
        gate.Read(() => 0);
        gate.Read(() => 0);

        Assert.Equal(1, reloads());
        Assert.Equal(0, otherReloads());
    }

    [Fact]
    public void A_write_that_throws_is_rolled_back_and_the_next_call_reloads()
    {
        var (store, gate, reloads) = Open();

        Assert.Throws<InvalidOperationException>(() =>
            gate.Write<int>(() =>
            {
                store.Commit(Move(1), [], 2);
                throw new InvalidOperationException("a handler bug");
            }));
        gate.Read(() => 0);

        Assert.Equal(0, MovesInFile());
        Assert.Equal(1, reloads());
    }

    [Fact]
    public void A_store_write_outside_the_gate_is_refused()
    {
        var (store, _, _) = Open();

        var e = Assert.Throws<InvalidOperationException>(() => store.Commit(Move(1), [], 2));

        Assert.Equal("The simulator wrote its state file outside the state lock.", e.Message);
        Assert.Equal(0, MovesInFile());
    }

    /// <summary>Starts a write that runs <paramref name="inside"/> and then holds the gate's turn until
    /// <paramref name="release"/> is set, and returns once it holds it, so writes started after this queue behind it.</summary>
    private static Task<int> HoldTurn(SqliteStateGate gate, ManualResetEventSlim release, Action? inside = null)
    {
        using var entered = new ManualResetEventSlim();
        var held = Task.Run(async () => await gate.WriteAsync(() =>
        {
            inside?.Invoke();
            entered.Set();
            release.Wait();
            return 0;
        }, CancellationToken.None));
        entered.Wait();
        return held;
    }

    [Fact]
    public async Task Writes_queued_behind_a_running_write_share_one_commit()
    {
        var (store, gate, reloads) = Open();
        using var release = new ManualResetEventSlim();
        var first = HoldTurn(gate, release, () => store.Commit(Move(1), [], 2));

        // Each call queues its write before it returns; none can run while the first holds the turn.
        var queued = Enumerable.Range(2, 10).Select(id => gate.WriteAsync(() => { store.Commit(Move(id), [], id + 1); return (long)id; }, CancellationToken.None).AsTask()).ToList();
        Assert.All(queued, t => Assert.False(t.IsCompleted));
        release.Set();

        await first;
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (long)i), await Task.WhenAll(queued));
        // One commit seeded the file; one more made all eleven writes durable.
        Assert.Equal(2, gate.Commits);
        Assert.Equal(11, MovesInFile());
        Assert.Equal(0, reloads());
    }

    [Fact]
    public async Task A_queued_write_that_throws_fails_alone_and_the_others_commit()
    {
        var (store, gate, reloads) = Open();
        using var release = new ManualResetEventSlim();
        var first = HoldTurn(gate, release);

        var before = gate.WriteAsync(() => { store.Commit(Move(1), [], 2); return 1; }, CancellationToken.None).AsTask();
        var throwing = gate.WriteAsync<int>(() =>
        {
            store.Commit(Move(2), [], 3);
            throw new InvalidOperationException("a handler bug");
        }, CancellationToken.None).AsTask();
        var after = gate.WriteAsync(() => { store.Commit(Move(3), [], 4); return 3; }, CancellationToken.None).AsTask();
        release.Set();

        await first;
        Assert.Equal(1, await before);
        Assert.Equal("a handler bug", (await Assert.ThrowsAsync<InvalidOperationException>(() => throwing)).Message);
        Assert.Equal(3, await after);
        Assert.Equal(2, MovesInFile());
        // The failed write marked memory stale: the batch after it reloaded first.
        Assert.Equal(1, reloads());
    }

    [Fact]
    public async Task A_queued_write_whose_caller_gives_up_before_its_turn_never_runs()
    {
        var (store, gate, _) = Open();
        using var release = new ManualResetEventSlim();
        var first = HoldTurn(gate, release);

        using var giveUp = new CancellationTokenSource();
        var abandoned = gate.WriteAsync(() => { store.Commit(Move(1), [], 2); return 1; }, giveUp.Token).AsTask();
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        release.Set();
        await first;

        Assert.Equal(2, await gate.WriteAsync(() => 2, CancellationToken.None));
        Assert.Equal(0, MovesInFile());
    }
}
