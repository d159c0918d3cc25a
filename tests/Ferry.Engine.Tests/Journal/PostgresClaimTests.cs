using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// Claims in a PostgreSQL database, and what many workers on many connections do at once there: concurrent transitions
/// of one entry, concurrent claims and take-overs of one subject, concurrent migrations, one done entry per history row;
/// and the database problems a user meets (no schema, wrong password, no server), each in one sentence without the
/// password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimTests : ClaimTests
{
    private const int Workers = 8;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private readonly PostgresServer _server;
    private readonly PostgresJournalStore _store;

    public PostgresClaimTests(PostgresServer server) : this(server, new PostgresJournalStore(server)) { }

    private PostgresClaimTests(PostgresServer server, PostgresJournalStore store) : base(store)
    {
        _server = server;
        _store = store;
    }

    private static LegDescription Leg(decimal amount = 10m) => new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer",
        [new("type", "MAIN_FUNDING")], "spot", "funding", "USDT", amount);

    /// <summary>Starts <paramref name="work"/> for each of <paramref name="journals"/> on its own thread, all released
    /// together, and awaits every call.</summary>
    private static async Task<T[]> AtOnce<T>(IReadOnlyList<ITransferJournal> journals, Func<ITransferJournal, Task<T>> work) =>
        await Task.WhenAll(await AtOnce(journals.Count, i => work(journals[i])));

    /// <summary>Runs <paramref name="work"/> <paramref name="count"/> times, each on its own thread, all released together.</summary>
    private static async Task<T[]> AtOnce<T>(int count, Func<int, T> work)
    {
        using var gate = new Barrier(count);
        var runs = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
        {
            gate.SignalAndWait();
            return work(i);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        return await Task.WhenAll(runs);
    }

    private List<ITransferJournal> OpenMany(Func<int, TimeProvider>? clock = null) =>
        Enumerable.Range(0, Workers).Select(i => _store.Open(clock?.Invoke(i) ?? new FakeTimeProvider(Start))).ToList();

    [Fact]
    public async Task Concurrent_transitions_of_one_entry_from_several_connections_let_exactly_one_win()
    {
        var journals = OpenMany();
        try
        {
            var id = journals[0].Plan(Leg()).Id;
            var toSending = await AtOnce(journals, j => Outcome(async () => await j.TransitionAsync(id, LegState.Planned, LegState.Sending)));
            Assert.Equal(1, toSending.Count(o => o == "ok"));
            Assert.All(toSending.Where(o => o != "ok"), o => Assert.Equal("illegal", o));

            var n = 0;
            var toDone = await AtOnce(journals, j =>
            {
                var mine = Interlocked.Increment(ref n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Outcome(async () => await j.TransitionAsync(id, LegState.Sending, LegState.Done, new TransitionDetails { ExchangeId = mine }));
            });
            Assert.Equal(1, toDone.Count(o => o == "ok"));
            Assert.Equal([LegState.Planned, LegState.Sending, LegState.Done], journals[3].Events(id).Select(e => e.To));
            Assert.Equal(LegState.Done, journals[5].Find(id)!.State);
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_claims_of_one_subject_and_concurrent_take_overs_each_leave_exactly_one_owner()
    {
        var clocks = Enumerable.Range(0, Workers).Select(_ => new FakeTimeProvider(Start)).ToList();
        var journals = OpenMany(i => clocks[i]);
        try
        {
            var first = await AtOnce(journals, j => j.ClaimAsync("route:R1").AsTask());
            var winner = Assert.Single(first, a => a.Succeeded).Claimed!;
            Assert.All(first.Where(a => !a.Succeeded), a => Assert.Equal(winner.Owner.InstanceId, a.HeldByOther!.Owner.InstanceId));

            // The winner pauses past its lease (its clock, and so its renewal timer, stands still); the others try to take
            // over at once.
            var paused = journals.FindIndex(j => j.Owner.InstanceId == winner.Owner.InstanceId);
            var others = journals.Where((_, i) => i != paused).ToList();
            foreach (var i in Enumerable.Range(0, Workers).Where(i => i != paused)) clocks[i].Advance(TimeSpan.FromMinutes(1));
            var second = await AtOnce(others, j => j.ClaimAsync("route:R1").AsTask());
            var taker = Assert.Single(second, a => a.Succeeded).Claimed!;
            Assert.True(taker.Token > winner.Token);
            Assert.Equal(taker.Owner.InstanceId, Assert.Single(journals[0].Claims()).Owner.InstanceId);
        }
        finally
        {
            foreach (var j in journals) j.Dispose();
        }
    }

    [Fact]
    public async Task Several_processes_migrating_a_fresh_database_at_once_make_one_schema()
    {
        var versions = await Task.WhenAll(await AtOnce(Workers, _ => PostgresTransferJournal.MigrateAsync(_store.Address)));
        Assert.All(versions, v => Assert.Equal(PostgresTransferJournal.SchemaVersion, v));
        using var c = new NpgsqlConnection(_store.Database.ConnectionString());
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM ferry_schema;", c);
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Fact]
    public void A_history_row_is_claimed_by_one_done_entry_across_every_worker()
    {
        using var a = _store.Open(new FakeTimeProvider(Start));
        using var b = _store.Open(new FakeTimeProvider(Start));
        var first = Unknown(a);
        var second = Unknown(b);
        a.Transition(first, LegState.Unknown, LegState.Done, new TransitionDetails { HistoryId = "777" });
        var refused = Assert.Throws<HistoryRowTakenException>(() => b.Transition(second, LegState.Unknown, LegState.Done, new TransitionDetails { HistoryId = "777" }));
        Assert.Equal("History row 777 is already claimed by another done journal entry of the same venue; nothing was written.", refused.Message);
        Assert.Equal(LegState.Unknown, b.Find(second)!.State);
    }

    [Fact]
    public async Task A_database_without_a_ferry_schema_is_refused_with_the_command_that_creates_it()
    {
        var e = await Assert.ThrowsAsync<JournalCorruptException>(() => PostgresTransferJournal.OpenAsync(_store.Address));
        Assert.Equal($"The database {_store.Database.Name} on 127.0.0.1:{_server.Port} holds no Ferry journal; create it with " +
            $"'ferry journal migrate --journal postgres://{PostgresServer.User}@127.0.0.1:{_server.Port}/{_store.Database.Name}'.", e.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_one_sentence_that_never_shows_a_password()
    {
        const string wrong = "not-the-password-4711";
        var address = PostgresJournalAddress.Parse(_store.Database.Url(wrong));
        var e = await Assert.ThrowsAsync<JournalUnavailableException>(() => PostgresTransferJournal.OpenAsync(address));
        Assert.Equal($"The PostgreSQL server at 127.0.0.1:{_server.Port} refused the login of user {PostgresServer.User} (wrong password or no such user); check the journal's address.", e.Message);
        Assert.DoesNotContain(wrong, e.ToString());
        Assert.DoesNotContain(_server.Password, e.ToString());
    }

    [Fact]
    public async Task An_unreachable_server_is_one_sentence()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var address = PostgresJournalAddress.Parse($"postgres://ferry:secret-pw@127.0.0.1:{port}/ferry");
        var e = await Assert.ThrowsAsync<JournalUnavailableException>(() => PostgresTransferJournal.OpenAsync(address));
        Assert.StartsWith($"The PostgreSQL server at 127.0.0.1:{port} cannot be reached (", e.Message);
        Assert.DoesNotContain("secret-pw", e.ToString());
    }

    private static string Unknown(ITransferJournal j)
    {
        var id = j.Plan(Leg()).Id;
        j.Transition(id, LegState.Planned, LegState.Sending);
        j.Transition(id, LegState.Sending, LegState.Unknown);
        return id;
    }

    private static async Task<string> Outcome(Func<Task> write)
    {
        try
        {
            await write();
            return "ok";
        }
        catch (IllegalTransitionException)
        {
            return "illegal";
        }
    }
}
