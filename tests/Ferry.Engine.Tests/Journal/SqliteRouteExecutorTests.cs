using Ferry.Engine.Journal;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>The route runner over a SQLite file, and what only a SQLite file has: its schema 1 migrated in place.</summary>
public sealed class SqliteRouteExecutorTests : RouteExecutorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteJournalStore _store;

    public SqliteRouteExecutorTests() : this(new SqliteJournalStore()) { }

    private SqliteRouteExecutorTests(SqliteJournalStore store) : base(store) => _store = store;

    [Fact]
    public void A_schema_1_journal_is_migrated_in_place_and_keeps_its_entries()
    {
        using (var c = new SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE legs (
                  id TEXT PRIMARY KEY, intent TEXT, kind TEXT NOT NULL, venue TEXT NOT NULL, account TEXT NOT NULL,
                  endpoint TEXT NOT NULL, parameters TEXT NOT NULL, from_wallet TEXT NOT NULL, to_wallet TEXT NOT NULL,
                  asset TEXT NOT NULL, amount TEXT NOT NULL, client_tran_id TEXT,
                  state TEXT NOT NULL, attempt INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
                  sent_ms INTEGER, exchange_id TEXT, history_id TEXT, error_code TEXT, message TEXT);
                CREATE INDEX legs_state ON legs(state);
                CREATE INDEX legs_intent ON legs(intent);
                CREATE TABLE events (
                  leg_id TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, attempt INTEGER NOT NULL,
                  from_state TEXT, to_state TEXT NOT NULL, detail TEXT, PRIMARY KEY (leg_id, seq));
                INSERT INTO legs VALUES ('J1', NULL, 'WalletUniversalTransfer', 'binance', 'main', 'POST /sapi/v1/asset/transfer',
                  '[["type","MAIN_FUNDING"],["asset","USDT"],["amount","10"]]', 'spot', 'funding', 'USDT', '10', NULL, 'planned', 1, 1, 1,
                  NULL, NULL, NULL, NULL, NULL);
                INSERT INTO events VALUES ('J1', 1, 1, 1, NULL, 'planned', NULL);
                PRAGMA user_version=1;
                """;
            cmd.ExecuteNonQuery();
        }
        using (var j = _store.Open(_clock))
        {
            var old = j.Find("J1");
            Assert.NotNull(old);
            Assert.Null(old.Leg.RouteId);
            var routed = j.Plan(new LegDescription("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer", [], "spot", "funding", "USDT", 1m)
                { RouteId = "R1", RouteLeg = 1 });
            Assert.Equal(routed.Id, Assert.Single(j.ForRoute("R1")).Id);
        }
        using (var c = new SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            Assert.Equal((long)SqliteTransferJournal.SchemaVersion, cmd.ExecuteScalar());
        }
    }
}
