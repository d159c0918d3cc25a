using Ferry.Binance.Http;
using Ferry.Engine.Postgres;
using Ferry.Engine.Tests.Journal.Stores;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Engine.Tests.Budget;

/// <summary>The shared UID budget in a real PostgreSQL: many stores (one per simulated process, each with its own
/// connection pool) reserving at once never exceed a window's limit together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUidWeightStoreTests : IDisposable
{
    private const long Minute = 60_000;
    private static readonly string Account = UidWeightWindow.AccountOf("test-key-for-the-shared-budget");
    private readonly PostgresDatabase _database;
    private readonly PostgresJournalAddress _address;
    private readonly List<PostgresUidWeightStore> _stores = [];

    public PostgresUidWeightStoreTests(PostgresServer server)
    {
        _database = server.CreateDatabase();
        _address = PostgresJournalAddress.Parse(_database.ConnectionString());
        PostgresTransferJournal.MigrateAsync(_address).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task Many_stores_on_many_threads_never_reserve_more_than_the_limit_of_a_window_together()
    {
        const int Limit = 1000;
        const int Weight = 7;
        var window = Window(100 * Minute);
        var stores = Enumerable.Range(0, 6).Select(_ => Store()).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = stores.SelectMany(store => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var granted = 0;
            for (var i = 0; i < 40; i++)
            {
                if (await store.TryReserveAsync(window, Weight, Limit, CancellationToken.None) is not null)
                {
                    granted += Weight;
                }
            }

            return granted;
        }))).ToArray();

        start.SetResult();
        var total = (await Task.WhenAll(workers)).Sum();

        // 960 attempts of 7 against 1000: exactly as many as fit are granted, and the row says so.
        Assert.Equal(Limit / Weight * Weight, total);
        Assert.Equal(total, await stores[0].UsedAsync(window, CancellationToken.None));
    }

    [Fact]
    public async Task A_used_weight_header_raises_the_shared_count_and_never_lowers_it()
    {
        var store = Store();
        var window = Window(200 * Minute);
        Assert.Equal(300, await store.TryReserveAsync(window, 300, 1000, CancellationToken.None));

        await store.RaiseAsync(window, 900, CancellationToken.None);
        Assert.Null(await store.TryReserveAsync(window, 300, 1000, CancellationToken.None));
        await store.RaiseAsync(window, 100, CancellationToken.None);

        Assert.Equal(900, await store.UsedAsync(window, CancellationToken.None));
        Assert.Equal(1000, await store.TryReserveAsync(window, 100, 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Weight_given_back_can_be_reserved_again_and_never_goes_below_zero()
    {
        var store = Store();
        var window = Window(300 * Minute);
        Assert.Equal(600, await store.TryReserveAsync(window, 600, 600, CancellationToken.None));
        Assert.Null(await store.TryReserveAsync(window, 300, 600, CancellationToken.None));

        await store.ReturnAsync(window, 300, CancellationToken.None);
        Assert.Equal(600, await store.TryReserveAsync(window, 300, 600, CancellationToken.None));
        await store.ReturnAsync(window, 5000, CancellationToken.None);

        Assert.Equal(0, await store.UsedAsync(window, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_window_starts_empty_and_windows_before_the_previous_one_are_deleted()
    {
        var store = Store();
        var first = Window(400 * Minute);
        Assert.Equal(600, await store.TryReserveAsync(first, 600, 600, CancellationToken.None));
        Assert.Null(await store.TryReserveAsync(first, 1, 600, CancellationToken.None));

        var second = first with { WindowStartMs = first.WindowStartMs + Minute };
        Assert.Equal(300, await store.TryReserveAsync(second, 300, 600, CancellationToken.None));
        Assert.Equal(2, Rows());

        var third = second with { WindowStartMs = second.WindowStartMs + Minute };
        Assert.Equal(1, await store.TryReserveAsync(third, 1, 600, CancellationToken.None));
        // The first window ended before the previous one: gone. The second (previous) and third (current) stay.
        Assert.Equal(2, Rows());
        Assert.Equal(0, await store.UsedAsync(first, CancellationToken.None));
        Assert.Equal(300, await store.UsedAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task Accounts_and_endpoint_budgets_are_counted_apart()
    {
        var store = Store();
        var window = Window(500 * Minute);
        Assert.Equal(600, await store.TryReserveAsync(window, 600, 600, CancellationToken.None));

        Assert.Equal(600, await store.TryReserveAsync(window with { Account = UidWeightWindow.AccountOf("another-key") }, 600, 600, CancellationToken.None));
        Assert.Equal(600, await store.TryReserveAsync(window with { Budget = "GET /sapi/v1/asset/transfer" }, 600, 600, CancellationToken.None));
        Assert.Null(await store.TryReserveAsync(window, 1, 600, CancellationToken.None));
    }

    private static UidWeightWindow Window(long startMs) => new(Account, "POST /sapi/v1/asset/transfer", startMs, Minute);

    private PostgresUidWeightStore Store()
    {
        var store = new PostgresUidWeightStore(_address);
        _stores.Add(store);
        return store;
    }

    private long Rows()
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM uid_weight;", connection);
        return (long)command.ExecuteScalar()!;
    }
}
