using Ferry.Core.Outcomes;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// What the journal allocates a leg, counted rather than timed: a lone leg described and sent through
/// <see cref="JournaledExecutor.ExecuteAsync"/> (two durable commits on a real file) against a sender that answers at once,
/// so every byte counted on the calling thread is the journal's part of a leg (issue target: at most 8 KB).
/// </summary>
public sealed class JournalAllocationTests : IDisposable
{
    private const int Legs = 400;
    private const long BudgetPerLeg = 8 * 1024;

    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-journal-alloc-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static readonly Task<LegSendResult> Answer = Task.FromResult(new LegSendResult(OutcomeKind.Done, "13526853623", "13526853623", null, "done"));

    [Fact]
    public async Task A_journaled_leg_allocates_at_most_8_KB_for_the_journals_part()
    {
        using var journal = SqliteTransferJournal.Open(System.IO.Path.Combine(_dir, "journal.db"), _clock);
        var (from, to) = (WalletAddress.Parse("spot"), WalletAddress.Parse("usdm"));
        TransferLeg leg = new WalletTransferLeg(new WalletTransferPlan("bench", from, to, "USDT", 1m,
            WalletTransferTypes.Find(from.Wallet, to.Wallet)!.Value, null, null));
        // Warm up: statements prepared, code jitted, pools filled.
        await RunLegsAsync(journal, leg, 50);

        var before = GC.GetAllocatedBytesForCurrentThread();
        await RunLegsAsync(journal, leg, Legs);
        var perLeg = (GC.GetAllocatedBytesForCurrentThread() - before) / Legs;

        Assert.True(perLeg <= BudgetPerLeg, $"a journaled leg allocated {perLeg} bytes on the journal's side (budget {BudgetPerLeg})");
    }

    /// <summary>Runs the legs on this thread: every call must complete synchronously (SQLite's file is local and the sender
    /// answers at once), or bytes allocated on another thread would escape the count.</summary>
    private static async Task RunLegsAsync(ITransferJournal journal, TransferLeg leg, int legs)
    {
        for (var i = 0; i < legs; i++)
        {
            var run = JournaledExecutor.ExecuteAsync(journal, leg.Describe(), _ => Answer, CancellationToken.None);
            Assert.True(run.IsCompletedSuccessfully, "a journaled leg did not complete on the calling thread");
            var (entry, _) = await run;
            Assert.Equal(LegState.Done, entry.State);
        }
    }
}
