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
        await using var intent = await ClaimScope.TakeAsync(j, ClaimSubjects.Intent("i-1"));
        var before = j.WriteCommits;

        await JournaledExecutor.ExecuteAsync(j, Leg("i-1"), Done, CancellationToken.None);

        Assert.True(j.WriteCommits - before <= 2, $"the leg took {j.WriteCommits - before} write commits");
        Assert.Equal(intent.Claim.Token, Assert.Single(j.Claims()).Token);
    }

    [Fact]
    public async Task A_leg_under_an_intent_another_live_owner_holds_is_refused_and_nothing_is_written()
    {
        using var a = SqliteTransferJournal.Open(Path, _clock);
        using var b = SqliteTransferJournal.Open(Path, _clock);
        await using var held = await ClaimScope.TakeAsync(a, ClaimSubjects.Intent("i-1"));

        await Assert.ThrowsAsync<ClaimHeldException>(async () => await b.PlanAndBeginSendingAsync(Leg("i-1")));

        Assert.Empty(b.List());
        Assert.Equal(held.Claim.Token, Assert.Single(b.Claims()).Token);
    }

    [Fact]
    public void A_schema_3_journal_is_migrated_to_the_current_schema_with_its_entries()
    {
        string id;
        using (var j = SqliteTransferJournal.Open(Path, _clock))
        {
            id = j.Plan(Leg() with { RouteId = "R1", RouteLeg = 1 }).Id;
        }
        // Make the file what schema 3 wrote: its two single-column indexes, none of the newer ones, no work queue, no
        // requester column.
        Sql("""
            DROP TABLE work_units;
            DROP INDEX legs_created; DROP INDEX legs_state_created; DROP INDEX legs_route_order; DROP INDEX legs_route_latest;
            CREATE INDEX legs_state ON legs(state); CREATE INDEX legs_route ON legs(route_id);
            ALTER TABLE legs DROP COLUMN requester;
            PRAGMA user_version=3;
            """);

        using (var j = SqliteTransferJournal.Open(Path, _clock))
        {
            Assert.Equal(LegState.Planned, j.Find(id)!.State);
            Assert.Equal("R1", j.LatestRouteId());
        }
        Assert.Equal((long)SqliteTransferJournal.SchemaVersion, Sql("PRAGMA user_version;"));
        Assert.Equal(4L, Sql("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('legs_created', 'legs_state_created', 'legs_route_order', 'legs_route_latest');"));
        Assert.Equal(0L, Sql("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('legs_state', 'legs_route');"));
        Assert.Equal(1L, Sql("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'work_units';"));
    }

    public static TheoryData<string, string> Reads => new()
    {
        { SqliteTransferJournal.ListSql(null), "legs_created" },
        { SqliteTransferJournal.ListSql([LegState.Unknown]), "legs_state_created" },
        { SqliteTransferJournal.LatestRouteSql, "legs_route_latest" },
        { SqliteTransferJournal.ForRouteSql, "legs_route_order" },
        { SqliteTransferJournal.UnknownStateSql, "legs_state_created" },
    };

    /// <summary>SQLite's plan for the journal's own list and route reads and its open-time state check, on a journal of 2,000 legs: each walks its index
    /// and sorts nothing, so its cost does not grow with the journal.</summary>
    [Theory]
    [MemberData(nameof(Reads))]
    public void A_read_on_a_big_journal_walks_an_index_and_sorts_nothing(string sql, string index)
    {
        using (var j = SqliteTransferJournal.Open(Path, _clock))
        {
            j.PlanAll(Enumerable.Range(0, 1000).SelectMany(i => new[] { Leg(), Leg() with { RouteId = $"R{i}", RouteLeg = 1 } }).ToList());
        }
        Sql("ANALYZE;");

        var plan = Plan(sql);

        Assert.True(plan.Contains($"USING INDEX {index}", StringComparison.Ordinal) || plan.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal),
            plan);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private string Plan(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add(r.GetString(3));
        return string.Join(" | ", lines);
    }

    private object? Sql(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
