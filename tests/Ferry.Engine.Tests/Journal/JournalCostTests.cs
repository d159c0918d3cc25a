using Ferry.Core.Outcomes;
using Ferry.Engine.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// What the journal costs a leg, counted rather than timed: write commits (each one sync of the WAL under
/// synchronous=FULL) per happy-path leg, no write for a claim this journal already holds, and reads that use an index
/// on a big journal (SQLite's own query plan, so no timing is involved).
/// </summary>
public sealed class JournalCostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-journal-cost-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    private string Path => System.IO.Path.Combine(_dir, "journal.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static LegDescription Leg(string? intent = null) => new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer",
        [new("type", "MAIN_FUNDING"), new("asset", "USDT"), new("amount", "10")], "spot", "funding", "USDT", 10m, null, intent);

    private static Task<LegSendResult> Done(CancellationToken ct) => Task.FromResult(new LegSendResult(OutcomeKind.Done, "7", "7", null, "done"));

    [Fact]
    public async Task A_lone_leg_sent_at_once_costs_at_most_two_write_commits_and_leaves_no_claim()
    {
        using var j = SqliteTransferJournal.Open(Path, _clock);
        var before = j.WriteCommits;

        var (entry, _) = await JournaledExecutor.ExecuteAsync(j, Leg(), Done, CancellationToken.None);

        Assert.True(j.WriteCommits - before <= 2, $"a happy-path leg took {j.WriteCommits - before} write commits");
        Assert.Equal(LegState.Done, entry.State);
        Assert.Empty(j.Claims());
        Assert.Equal([LegState.Planned, LegState.Sending, LegState.Done], j.Events(entry.Id).Select(e => e.To));
    }

    [Fact]
    public async Task The_entry_a_send_returns_is_the_entry_on_disk()
    {
        using var j = SqliteTransferJournal.Open(Path, _clock);
        var (entry, _) = await JournaledExecutor.ExecuteAsync(j, Leg("i-1"), Done, CancellationToken.None);
        var stored = j.Find(entry.Id)!;

        Assert.Equal((stored.State, stored.Attempt, stored.CreatedAt, stored.UpdatedAt, stored.SentAt, stored.ExchangeId, stored.HistoryId, stored.Message),
            (entry.State, entry.Attempt, entry.CreatedAt, entry.UpdatedAt, entry.SentAt, entry.ExchangeId, entry.HistoryId, entry.Message));
        Assert.Equal(stored.Leg with { Parameters = [] }, entry.Leg with { Parameters = [] });
        Assert.Equal(stored.Leg.Parameters, entry.Leg.Parameters);
    }

    [Fact]
    public void Entering_a_claim_this_journal_already_holds_writes_nothing()
    {
        using var j = SqliteTransferJournal.Open(Path, _clock);
        Assert.True(j.Claim("route:R1").Succeeded);
        var before = j.WriteCommits;

        Assert.True(j.Claim("route:R1").Succeeded);
        j.Release("route:R1");

        Assert.Equal(before, j.WriteCommits);
        Assert.NotNull(j.FindClaim("route:R1"));
    }

    [Fact]
    public async Task A_leg_of_a_held_intent_writes_no_claim_of_its_own()
    {
        using var j = SqliteTransferJournal.Open(Path, _clock);
        using var intent = ClaimScope.Take(j, ClaimSubjects.Intent("i-1"));
        var before = j.WriteCommits;

        await JournaledExecutor.ExecuteAsync(j, Leg("i-1"), Done, CancellationToken.None);

        Assert.True(j.WriteCommits - before <= 2, $"the leg took {j.WriteCommits - before} write commits");
        Assert.Equal(intent.Claim.Token, Assert.Single(j.Claims()).Token);
    }
}
