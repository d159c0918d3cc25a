using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Service;

/// <summary>
/// What a sweep or rebalance skips: a sub-account from which a journal entry is still sending or unknown (it may have
/// moved money out), named by its newest such entry; a source with only settled entries, or with none, is not skipped.
/// </summary>
public sealed class UnresolvedSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-unresolved-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static LegDescription From(string from) => new("SubAccountUniversalTransfer", "binance", "main", "POST /sapi/v1/sub-account/universalTransfer",
        [new("fromEmail", from), new("asset", "USDT"), new("amount", "10")], from, "spot", "USDT", 10m, ClientTranId: "ferry-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_source_with_a_sending_or_unknown_entry_is_named_by_its_newest_and_no_other_source_is()
    {
        var journal = SqliteTransferJournal.Open(Path.Combine(_dir, "journal.db"), _clock);
        await using var service = new TransferService(new TransferServiceOptions
        {
            Accounts = [PlanOnlyService.Binance(subAccounts: ["alice@example.com", "bob@example.com", "carol@example.com"])],
            OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(journal),
            Venues = new PlanOnlyService.NoVenues(),
        });
        await journal.PlanAndBeginSendingAsync(From("alice@example.com/spot"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var aliceNewest = await journal.PlanAndBeginSendingAsync(From("alice@example.com/usdm"));
        await journal.CompleteSendAsync(aliceNewest, LegState.Unknown, new TransitionDetails { Message = "timed out" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var bob = await journal.PlanAndBeginSendingAsync(From("Bob@Example.com/spot"));
        var carol = await journal.PlanAndBeginSendingAsync(From("carol@example.com/spot"));
        await journal.CompleteSendAsync(carol, LegState.Done, new TransitionDetails { ExchangeId = "1" });
        await journal.PlanAndBeginSendingAsync(From("spot"));

        var why = await service.UnresolvedFromAsync();

        Assert.Equal($"journal entry {aliceNewest.Id} from it is still unknown; run 'ferry journal reconcile {aliceNewest.Id}' first", why("alice@example.com"));
        Assert.Equal($"journal entry {bob.Id} from it is still sending; run 'ferry journal reconcile {bob.Id}' first", why("bob@example.com"));
        Assert.Null(why("carol@example.com"));
        Assert.Null(why("lice@example.com"));
        Assert.Null(why("dave@example.com"));
        Assert.Null(why("master@example.com"));
    }
}
