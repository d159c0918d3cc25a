using Ferry.Simulator.Ledger;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>The ledger's client ids (clientTranId): unique per ledger under concurrency, and audited.</summary>
public sealed class LedgerClientIdTests
{
    private const string Owner = "m@x.com";
    private static readonly WalletAddress Spot = WalletAddress.Of(Owner, WalletKind.Spot);
    private static readonly WalletAddress Funding = WalletAddress.Of(Owner, WalletKind.Funding);

    private static SimLedger NewLedger() => new(
        LedgerState.Seeded([new SimUser(Owner, true, true, true, true)],
            new Dictionary<BalanceKey, decimal> { [new BalanceKey(Spot, "USDT")] = 100m }),
        new NoStore(), new FakeTimeProvider(TestClock.Start));

    private static MoveRequest Request(string? clientId) =>
        new(MoveChannels.SubAccountUniversalTransfer, "SPOT_FUNDING", Owner, Spot, Funding, "USDT", 1m, clientId);

    [Fact]
    public async Task Concurrent_moves_with_one_client_id_commit_exactly_once()
    {
        var ledger = NewLedger();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => ledger.Move(Request("only-once")))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(MoveFailure.DuplicateClientId, o.Failure));
        Assert.Equal(99m, ledger.Balances(Owner).Single(b => b.Key.Wallet == Spot).Value);
        Assert.Empty(LedgerAuditor.Check(ledger.Snapshot()));
    }

    [Fact]
    public void Moves_without_a_client_id_are_never_duplicates()
    {
        var ledger = NewLedger();
        Assert.True(ledger.Move(Request(null)).Succeeded);
        Assert.True(ledger.Move(Request(null)).Succeeded);
    }

    [Fact]
    public void The_auditor_reports_a_client_id_used_twice()
    {
        var state = NewLedger().Snapshot();
        var move = new LedgerMove(LedgerState.FirstId, 1, MoveChannels.SubAccountUniversalTransfer, "SPOT_FUNDING", Owner, Spot, Funding, "USDT", 1m, LedgerMove.Confirmed, "twice");
        var broken = state with
        {
            History = [move, move with { Id = LedgerState.FirstId + 1 }],
            NextId = LedgerState.FirstId + 2,
            Balances = new Dictionary<BalanceKey, decimal> { [new BalanceKey(Spot, "USDT")] = 98m, [new BalanceKey(Funding, "USDT")] = 2m },
        };

        Assert.Equal(["Client id 'twice' is used by more than one transfer."], LedgerAuditor.Check(broken));
    }

    private sealed class NoStore : ILedgerStore
    {
        public void Commit(LedgerMove move, IReadOnlyList<KeyValuePair<BalanceKey, decimal>> changedBalances, long nextId)
        {
        }
    }
}
