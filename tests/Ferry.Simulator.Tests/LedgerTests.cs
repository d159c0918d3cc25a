using Ferry.Simulator.Ledger;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

public sealed class LedgerTests
{
    private const string Owner = "m@x.com";
    private static readonly WalletAddress Spot = WalletAddress.Of(Owner, WalletKind.Spot);
    private static readonly WalletAddress Funding = WalletAddress.Of(Owner, WalletKind.Funding);

    private static SimLedger NewLedger(decimal spot = 100m) => new(
        LedgerState.Seeded([new SimUser(Owner, true, true, true, true)],
            new Dictionary<BalanceKey, decimal> { [new BalanceKey(Spot, "USDT")] = spot }),
        new RecordingStore(), new FakeTimeProvider(TestClock.Start));

    private static MoveRequest Request(decimal amount) =>
        new(MoveChannels.UniversalTransfer, "MAIN_FUNDING", Owner, Spot, Funding, "USDT", amount);

    [Fact]
    public async Task Concurrent_moves_are_atomic_and_ids_unique()
    {
        var ledger = NewLedger(spot: 30m);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ledger.Move(Request(1m)))));

        Assert.Equal(30, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(MoveFailure.InsufficientBalance, o.Failure));
        Assert.Equal(30, outcomes.Where(o => o.Succeeded).Select(o => o.Move!.Id).Distinct().Count());
        Assert.Empty(LedgerAuditor.Check(ledger.Snapshot()));
        Assert.Equal(30m, ledger.Totals()["USDT"]);
    }

    [Fact]
    public void A_failing_store_leaves_memory_unchanged()
    {
        var ledger = new SimLedger(NewLedger().Snapshot(), new FailingStore(), new FakeTimeProvider(TestClock.Start));
        Assert.Throws<IOException>(() => ledger.Move(Request(1m)));
        Assert.Empty(ledger.ReadHistory(_ => true));
        Assert.Equal(100m, ledger.Balances().Single().Value);
        Assert.Empty(LedgerAuditor.Check(ledger.Snapshot()));
    }

    [Fact]
    public void The_auditor_finds_a_balance_that_history_does_not_explain()
    {
        var ledger = NewLedger();
        ledger.Move(Request(10m));
        var state = ledger.Snapshot();
        var tampered = new Dictionary<BalanceKey, decimal>(state.Balances) { [new BalanceKey(Funding, "USDT")] = 11m };

        var problems = LedgerAuditor.Check(state with { Balances = tampered });

        Assert.Contains(problems, p => p.StartsWith("Total USDT is 101", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("seed plus history gives 10", StringComparison.Ordinal));
    }

    [Fact]
    public void The_auditor_finds_a_reused_id()
    {
        var ledger = NewLedger();
        ledger.Move(Request(1m));
        ledger.Move(Request(1m));
        var state = ledger.Snapshot();
        var duplicated = state.History.Select(m => m with { Id = state.History[0].Id }).ToList();

        Assert.Contains(LedgerAuditor.Check(state with { History = duplicated }), p => p.Contains("used more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Moves_are_written_through_before_memory_changes()
    {
        var store = new RecordingStore();
        var ledger = new SimLedger(NewLedger().Snapshot(), store, new FakeTimeProvider(TestClock.Start));
        var outcome = ledger.Move(Request(2.5m));

        var (move, changed, nextId) = Assert.Single(store.Commits);
        Assert.Equal(outcome.Move, move);
        Assert.Equal(move.Id + 1, nextId);
        Assert.Equal([97.5m, 2.5m], changed.Select(c => c.Value));
    }

    [Theory]
    [InlineData(0, MoveFailure.NonPositiveAmount)]
    [InlineData(-1, MoveFailure.NonPositiveAmount)]
    [InlineData(101, MoveFailure.InsufficientBalance)]
    public void Refused_moves_change_nothing(decimal amount, MoveFailure failure)
    {
        var ledger = NewLedger();
        Assert.Equal(failure, ledger.Move(Request(amount)).Failure);
        Assert.Empty(ledger.ReadHistory(_ => true));
    }

    private sealed class RecordingStore : ILedgerStore
    {
        public List<(LedgerMove, IReadOnlyList<KeyValuePair<BalanceKey, decimal>>, long)> Commits { get; } = [];

        public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId) =>
            Commits.Add((move, changedBalances, nextId));
    }

    private sealed class FailingStore : ILedgerStore
    {
        public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId) =>
            throw new IOException("disk full");
    }
}
