using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Engine.Work;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Work;

/// <summary>
/// Workers run queued units through the engine's one door: each unit's journal entries carry its id as their intent, so a
/// unit taken over from a dead worker is reconciled before anything is sent, and nothing executes twice.
/// </summary>
public sealed class WorkRunnerTests : IDisposable
{
    private const string Alice = "alice@example.com";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly WorkQueueOptions LongLease = new() { Lease = TimeSpan.FromMinutes(10) };

    private static readonly AccountDefinition Main = new("main", Venue.Binance, AccountEnvironment.Sim, new Uri("http://127.0.0.1:1/"),
        new ApiCredentials("KEY-0123456789", new SecretText("SECRET-0123456789"), SigningKind.Hmac), "master@example.com", SubAccounts: [Alice]);

    private static readonly AccountDefinition Live = Main with { Name = "live", Environment = AccountEnvironment.Mainnet, BaseAddress = new Uri("https://api.binance.com/") };

    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-worker-").FullName;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeExchange _exchange = new();

    private string Path => System.IO.Path.Combine(_dir, "journal.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static WorkOrder Order(decimal amount, string account = "main", DateTimeOffset? confirmed = null) =>
        new(WorkKind.Transfer, account, new TransferRequest(amount, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse($"{Alice}/spot")), confirmed);

    /// <summary>The transfer policy every unit's service checks its moves against (none: every move allowed).</summary>
    private TransferPolicy? _policy;

    /// <summary>A service per unit with its own journal (its own claim owner), as every unit of a worker gets, asking as
    /// <paramref name="runsFor"/> (the door's default when null).</summary>
    private TransferService Service(Requester? runsFor = null) => new(new TransferServiceOptions
    {
        Requester = runsFor ?? Requester.Person("local"),
        LoadPolicy = () => _policy,
        Accounts = [Main, Live],
        OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(Path, _clock)),
        Venues = _exchange,
        Time = _clock,
        // History lag is waited out on the fake clock, not in real time.
        Reconcile = new ReconcileOptions { Delay = (d, _) => { _clock.Advance(d); return Task.CompletedTask; } },
    });

    /// <summary>A worker on the test's clock; <paramref name="idleClock"/> replaces it for the waits of an idle slot (which
    /// another worker's progress ends, not this one's).</summary>
    private WorkRunner Runner(IWorkQueue queue, string worker, int concurrency = 1, bool untilEmpty = true, TimeProvider? idleClock = null) => new(new WorkRunnerOptions
    {
        Queue = queue,
        OpenService = Service,
        Worker = new WorkerIdentity(worker, Environment.ProcessId, Environment.MachineName, 0),
        Concurrency = concurrency,
        UntilEmpty = untilEmpty,
        Time = idleClock ?? _clock,
        IdlePoll = TimeSpan.FromMilliseconds(20),
    });

    [Fact]
    public async Task A_queued_move_is_judged_as_whoever_queued_it_and_its_leg_names_the_worker_acting_for_them()
    {
        _policy = PolicyFile.Parse("""
            default: allow
            rules:
              - name: no-agent-moves
                match: { requester: agent }
                action: block
            """);
        using var queue = SqliteWorkQueue.Open(Path, _clock, LongLease);
        var byAgent = (await queue.EnqueueAsync([Order(1m) with { QueuedBy = Requester.Agent("claude") }], CancellationToken.None))[0];
        var byPerson = (await queue.EnqueueAsync([Order(2m) with { QueuedBy = Requester.Person("alice") }], CancellationToken.None))[0];
        Assert.Equal(Requester.Agent("claude"), (await queue.FindAsync(byAgent.Id, CancellationToken.None))!.Order.QueuedBy);

        await Runner(queue, "w1").RunAsync(CancellationToken.None);

        var refused = (await queue.FindAsync(byAgent.Id, CancellationToken.None))!;
        Assert.Equal(WorkUnitState.Failed, refused.State);
        Assert.Contains("no-agent-moves", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, _exchange.Executed);
        using var journal = SqliteTransferJournal.Open(Path, _clock);
        Assert.Empty(journal.ForIntent(byAgent.Id));
        var moved = Assert.Single(journal.ForIntent(byPerson.Id));
        Assert.Equal(Requester.Worker("w1", Requester.Person("alice")), moved.Leg.Requester);
    }

    [Fact]
    public async Task A_worker_runs_every_queued_unit_once_and_records_its_journal_entries()
    {
        using var queue = SqliteWorkQueue.Open(Path, _clock, LongLease);
        var units = await queue.EnqueueAsync([Order(1m), Order(2m), Order(3m), Order(4m)], CancellationToken.None);

        var summary = await Runner(queue, "w1", concurrency: 2).RunAsync(CancellationToken.None);

        Assert.Equal(4, summary.Done);
        Assert.Equal(4, _exchange.Executed);
        using var journal = SqliteTransferJournal.Open(Path, _clock);
        foreach (var queued in units)
        {
            var unit = (await queue.FindAsync(queued.Id, CancellationToken.None))!;
            Assert.Equal(WorkUnitState.Done, unit.State);
            var entry = Assert.Single(journal.ForIntent(unit.Id));
            Assert.Equal([entry.Id], unit.JournalIds);
            Assert.Equal(LegState.Done, entry.State);
            Assert.Equal(queued.Request.Amount, entry.Leg.Amount);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_unit_left_with_a_leg_sending_by_a_dead_worker_is_reconciled_first_and_never_resent_blindly(bool executedBeforeTheCrash)
    {
        using var queue = SqliteWorkQueue.Open(Path, _clock, LongLease);
        var unit = (await queue.EnqueueAsync([Order(5m)], CancellationToken.None))[0];
        // The dead worker took the unit, wrote its leg 'sending' under the unit's intent, and was killed.
        var deadPid = await ExitedPidAsync();
        await queue.TakeAsync(new WorkerIdentity("dead", deadPid, Environment.MachineName, 1), CancellationToken.None);
        string clientTranId;
        await using (var service = Service())
        {
            var proposal = await service.PlanAsync(unit.Request, "main", CancellationToken.None);
            using var dead = SqliteTransferJournal.Open(Path, _clock, new JournalClaimOptions { Owner = new JournalOwner("dead0000dead0000", deadPid, Environment.MachineName, 1) });
            var sending = dead.PlanAndBeginSending(proposal.Legs[0].Describe(unit.Id));
            clientTranId = sending.Leg.ClientTranId!;
        }
        if (executedBeforeTheCrash) _exchange.ExecutedEarlier(clientTranId);

        var summary = await Runner(queue, "next").RunAsync(CancellationToken.None);

        Assert.Equal(1, summary.Done);
        Assert.Equal($"lookup {clientTranId}", _exchange.Events[0]);
        Assert.Equal(1, _exchange.Executed);
        Assert.Equal(executedBeforeTheCrash ? 0 : 1, _exchange.Events.Count(e => e.StartsWith("send", StringComparison.Ordinal)));
        var done = (await queue.FindAsync(unit.Id, CancellationToken.None))!;
        Assert.Equal(WorkUnitState.Done, done.State);
        Assert.Equal(2, done.Takes);
        using var journal = SqliteTransferJournal.Open(Path, _clock);
        var entry = Assert.Single(journal.ForIntent(unit.Id));
        Assert.Equal(LegState.Done, entry.State);
        Assert.Equal(executedBeforeTheCrash ? 1 : 2, entry.Attempt);
    }

    [Fact]
    public async Task A_mainnet_unit_nobody_confirmed_fails_without_a_send_and_a_confirmed_one_runs()
    {
        using var queue = SqliteWorkQueue.Open(Path, _clock, LongLease);
        var units = await queue.EnqueueAsync([Order(1m, "live"), Order(2m, "live", Start)], CancellationToken.None);

        var summary = await Runner(queue, "w").RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (summary.Done, summary.Failed));
        var refused = (await queue.FindAsync(units[0].Id, CancellationToken.None))!;
        Assert.Equal(WorkUnitState.Failed, refused.State);
        Assert.Contains("mainnet move nobody confirmed", refused.Message, StringComparison.Ordinal);
        Assert.Empty(refused.JournalIds);
        Assert.Equal(WorkUnitState.Done, (await queue.FindAsync(units[1].Id, CancellationToken.None))!.State);
        Assert.Equal(1, _exchange.Executed);
    }

    [Fact]
    public async Task A_graceful_stop_finishes_the_unit_in_flight_and_leaves_the_rest_queued()
    {
        using var queue = SqliteWorkQueue.Open(Path, _clock, LongLease);
        var units = await queue.EnqueueAsync([Order(1m), Order(2m), Order(3m)], CancellationToken.None);
        using var stop = new CancellationTokenSource();
        _exchange.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The stop comes while the first leg is on its way to the exchange.
        _exchange.Sending = () => { stop.Cancel(); _exchange.Hold.TrySetResult(); };

        var summary = await Runner(queue, "w", untilEmpty: false).RunAsync(stop.Token);

        Assert.Equal(1, summary.Done);
        Assert.Equal(1, _exchange.Executed);
        Assert.Equal(WorkUnitState.Done, (await queue.FindAsync(units[0].Id, CancellationToken.None))!.State);
        Assert.All(units.Skip(1), u => Assert.Equal(WorkUnitState.Queued, queue.FindAsync(u.Id, CancellationToken.None).Result!.State));
    }

    [Fact]
    public async Task Two_workers_on_one_file_run_every_unit_exactly_once()
    {
        using var queueA = SqliteWorkQueue.Open(Path, _clock, LongLease);
        using var queueB = SqliteWorkQueue.Open(Path, _clock, LongLease);
        await queueA.EnqueueAsync([.. Enumerable.Range(1, 12).Select(i => Order(i))], CancellationToken.None);

        var runs = await Task.WhenAll(
            Runner(queueA, "a", 2, idleClock: TimeProvider.System).RunAsync(CancellationToken.None),
            Runner(queueB, "b", 2, idleClock: TimeProvider.System).RunAsync(CancellationToken.None));

        Assert.Equal(12, runs.Sum(r => r.Done));
        Assert.Equal(12, _exchange.Executed);
        Assert.Equal(12, (await queueA.CountsAsync(CancellationToken.None))[WorkUnitState.Done]);
    }

    private static async Task<int> ExitedPidAsync()
    {
        using var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await exited.WaitForExitAsync();
        return exited.Id;
    }
}
