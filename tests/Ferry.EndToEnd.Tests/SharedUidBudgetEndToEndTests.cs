using Ferry.Binance;
using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Engine.Postgres;
using Ferry.Simulator.Binance;
using Ferry.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// Several clients of one key, each as if in its own process (its own limiter and its own connection pool), drive one
/// burst of transfers at the simulator, whose UID budget is real. Reserving UID weight in the PostgreSQL store, together
/// they stay within the account's budget and draw no 429; each counting only its own, they draw 429s. The clock stands
/// still inside one hour-long window, so no window edge is ever near.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedUidBudgetEndToEndTests(PostgresServer server) : SimulatorFixture, IDisposable
{
    private const int Clients = 4;
    private const int TransfersEach = 5;
    private const int Budget = 3000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero));
    private readonly PostgresDatabase _database = server.CreateDatabase();

    // Ten universal transfers (UID 300 each) per hour-long window on the simulator.
    protected override SimRateLimits RateLimits => new() { UidWeightPerWindow = Budget, Window = TimeSpan.FromHours(1) };

    protected override TimeProvider SimulatorTime => _clock;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Clients_sharing_the_store_stay_within_the_accounts_budget_and_draw_no_429()
    {
        var address = PostgresJournalAddress.Parse(_database.ConnectionString());
        await PostgresTransferJournal.MigrateAsync(address);
        var stores = Enumerable.Range(0, Clients).Select(_ => new PostgresUidWeightStore(address)).ToArray();
        try
        {
            var outcomes = await Burst(stores);

            Assert.DoesNotContain(outcomes, o => o is Rejected<UniversalTransferResult>);
            Assert.Equal(Budget / 300, outcomes.Count(o => o.IsDone));
            Assert.All(outcomes.Where(o => !o.IsDone), o => Assert.Equal(NotSentReason.RateBudget, Assert.IsType<NotSent<UniversalTransferResult>>(o).Reason));
            Assert.Equal(Budget / 300, Balance("FUNDING"));
            Assert.Equal([(UidWeightWindow.AccountOf("e2e-hmac-key"), Budget)], SharedRows());
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_same_burst_without_the_store_draws_429s_from_the_simulator()
    {
        var outcomes = await Burst(new IUidWeightStore?[Clients]);

        Assert.Contains(outcomes, o => o is Rejected<UniversalTransferResult> { Error.HttpStatus: 429 });
        Assert.Equal(Budget / 300, Balance("FUNDING"));
    }

    /// <summary>Every client sends its transfers at once; none waits for budget (MaxRateWait 0), so a full window refuses.</summary>
    private async Task<Outcome<UniversalTransferResult>[]> Burst(IReadOnlyList<IUidWeightStore?> stores)
    {
        var clients = stores.Select(store => Client(Credentials(SigningKind.Hmac), o =>
        {
            o.Time = _clock;
            o.WeightWindow = TimeSpan.FromHours(1);
            o.UidWeightPerMinute = Budget;
            o.MaxRateWait = TimeSpan.Zero;
            o.RateLimitedGetRetries = 0;
            o.UidWeightStore = store;
        })).ToArray();
        try
        {
            var request = new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1m);
            var sends = clients.SelectMany(c => Enumerable.Range(0, TransfersEach).Select(_ => Task.Run(() => c.Wallet.UniversalTransferAsync(request))));
            return await Task.WhenAll(sends);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private List<(string Account, int Used)> SharedRows()
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT account, used FROM uid_weight;", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return rows;
    }
}
