using Ferry.Simulator.Ledger;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>The indexed history read answers what a plain filter over every move answers (same total, same rows in
/// the same order, same pages), and a page read looks only at its key's list, not the whole ledger.</summary>
public sealed class HistoryIndexTests
{
    private static readonly string[] Owners = ["master@x.com", "alice@x.com", "bob@x.com", "carol@x.com"];
    private static readonly string[] Channels = [MoveChannels.UniversalTransfer, MoveChannels.SubAccountUniversalTransfer, MoveChannels.SubToSub];
    private static readonly string[] Types = ["MAIN_FUNDING", "MAIN_UMFUTURE", "MARGIN_MAIN"];
    private static readonly WalletKind[] Wallets = [WalletKind.Spot, WalletKind.Funding, WalletKind.Margin, WalletKind.IsolatedMargin];
    private static readonly string[] Assets = ["USDT", "BTC"];

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Indexed_pages_match_a_plain_filter_for_random_queries(int seed, bool clockGoesBack)
    {
        var random = new Random(seed);
        var start = TestClock.Start.ToUnixTimeMilliseconds();
        var history = RandomMoves(random, 3000, start, clockGoesBack);
        var clock = new FakeTimeProvider(TestClock.Start.AddDays(1));
        var ledger = new SimLedger(
            new LedgerState([.. Owners.Select((o, i) => new SimUser(o, i == 0, true, true, true))], new Dictionary<BalanceKey, decimal>(),
                new Dictionary<BalanceKey, decimal>(), history, history[^1].Id + 1),
            MemoryLedgerStore.Instance, clock);
        // Moves whose time is after "now" stay hidden while history lag is wired (as in a host), as before; seed 3 also
        // delays every seventh move by an hour.
        ledger.HistoryLag = id => seed == 3 && id % 7 == 0 ? 3_600_000 : 0;
        ledger.HistoryLagActive = () => seed == 3;

        for (var i = 0; i < 400; i++)
        {
            var (key, keyMatches) = RandomKey(random);
            var from = start + random.NextInt64(-3_600_000, 30 * 3_600_000L);
            var to = random.Next(4) == 0 ? long.MaxValue : from + random.NextInt64(0, 40 * 3_600_000L);
            var asset = random.Next(3) == 0 ? Assets[random.Next(Assets.Length)] : null;
            Func<LedgerMove, bool>? filter = asset is null ? null : m => keyMatches(m) && m.Asset == asset;
            var skip = random.Next(3) == 0 ? random.Next(0, 200) : 0;
            var take = random.Next(1, 120);

            var page = ledger.ReadHistoryPage(new HistoryQuery(key, from, to, filter, skip, take));

            var expected = ledger.ReadHistory(m => keyMatches(m) && (asset is null || m.Asset == asset) && m.TimestampMs >= from && m.TimestampMs <= to)
                .OrderByDescending(m => m.Id).ToList();
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Skip(skip).Take(take).Select(m => m.Id), page.Rows.Select(m => m.Id));
        }
    }

    [Fact]
    public void Moves_made_after_loading_are_indexed_like_loaded_ones()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var spot = WalletAddress.Of("M@x.com", WalletKind.Spot);
        var funding = WalletAddress.Of("m@x.com", WalletKind.Funding);
        var ledger = new SimLedger(
            LedgerState.Seeded([new SimUser("m@x.com", true, true, true, true)],
                new Dictionary<BalanceKey, decimal> { [new BalanceKey(WalletAddress.Of("m@x.com", WalletKind.Spot), "USDT")] = 100m }),
            MemoryLedgerStore.Instance, clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(ledger.Move(new MoveRequest(MoveChannels.UniversalTransfer, "MAIN_FUNDING", "m@x.com", spot, funding, "USDT", 1m)).Succeeded);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = ledger.ReadHistoryPage(new HistoryQuery(HistoryKey.Initiated(MoveChannels.UniversalTransfer, "MAIN_FUNDING", "M@X.COM"),
            long.MinValue, long.MaxValue, null, 1, 2));

        Assert.Equal(5, page.Total);
        Assert.Equal(ledger.ReadHistory(_ => true).OrderByDescending(m => m.Id).Skip(1).Take(2).Select(m => m.Id), page.Rows.Select(m => m.Id));
        Assert.Equal(5, ledger.ReadHistoryPage(HistoryQuery.All(HistoryKey.Wallet(WalletAddress.Of("M@X.com", WalletKind.Funding)), null)).Total);
    }

    [Fact]
    public void A_page_read_looks_at_the_page_only_however_long_the_history()
    {
        var start = TestClock.Start.ToUnixTimeMilliseconds();
        var history = new List<LedgerMove>();
        var spot = WalletAddress.Of(Owners[0], WalletKind.Spot);
        var futures = WalletAddress.Of(Owners[0], WalletKind.UsdtFuture);
        var aliceSpot = WalletAddress.Of(Owners[1], WalletKind.Spot);
        for (var i = 0; i < 100_000; i++)
        {
            var toAlice = i % 100 == 0;
            history.Add(new LedgerMove(LedgerState.FirstId + i, start + i, toAlice ? MoveChannels.SubToSub : MoveChannels.UniversalTransfer,
                toAlice ? "" : "MAIN_UMFUTURE", Owners[0], spot, toAlice ? aliceSpot : futures, "USDT", 1m, LedgerMove.Confirmed, null));
        }
        var ledger = new SimLedger(
            new LedgerState([.. Owners.Select((o, i) => new SimUser(o, i == 0, true, true, true))], new Dictionary<BalanceKey, decimal>(),
                new Dictionary<BalanceKey, decimal>(), history, LedgerState.FirstId + history.Count),
            MemoryLedgerStore.Instance, new FakeTimeProvider(TestClock.Start.AddDays(1)));
        var key = HistoryKey.Initiated(MoveChannels.UniversalTransfer, "MAIN_UMFUTURE", Owners[0]);

        var whole = ledger.ReadHistoryPage(new HistoryQuery(key, start, long.MaxValue, null, 0, 10));
        var window = ledger.ReadHistoryPage(new HistoryQuery(key, start + 50_000, start + 59_999, null, 20, 10));
        var alice = ledger.ReadHistoryPage(new HistoryQuery(HistoryKey.Party(Owners[1]), start, long.MaxValue, m => m.Asset == "USDT", 0, 10));

        Assert.Equal((99_000, 10), (whole.Total, whole.Examined));
        Assert.Equal(LedgerState.FirstId + 99_999, whole.Rows[0].Id);
        Assert.Equal((9_900, 10), (window.Total, window.Examined));
        Assert.Equal(start + 59_979, window.Rows[0].TimestampMs);
        // With a filter the read looks at the key's own list (alice's 1,000 moves), never the other 99,000.
        Assert.Equal((1_000, 1_000), (alice.Total, alice.Examined));
    }

    [Fact]
    public void One_owners_balances_are_those_a_plain_filter_finds()
    {
        var random = new Random(7);
        var seed = new Dictionary<BalanceKey, decimal>();
        for (var i = 0; i < 500; i++)
        {
            var cell = new BalanceKey(WalletAddress.Of(Owners[random.Next(Owners.Length)], Wallets[random.Next(Wallets.Length)], "BTCUSDT"),
                Assets[random.Next(Assets.Length)]);
            seed[cell] = random.Next(0, 3);
        }
        var ledger = new SimLedger(LedgerState.Seeded([.. Owners.Select((o, i) => new SimUser(o, i == 0, true, true, true))], seed),
            MemoryLedgerStore.Instance, new FakeTimeProvider(TestClock.Start));
        Assert.True(ledger.Move(new MoveRequest(MoveChannels.SubToSub, "", Owners[1], seed.Keys.First(k => seed[k] > 0).Wallet,
            WalletAddress.Of(Owners[3], WalletKind.Option), seed.First(k => k.Value > 0).Key.Asset, 1m)).Succeeded);

        foreach (var owner in Owners.Append("ALICE@X.COM").Append("nobody@x.com"))
        {
            var expected = ledger.Balances().Where(b => string.Equals(b.Key.Wallet.Owner, owner, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(expected, ledger.Balances(owner));
        }
    }

    private static List<LedgerMove> RandomMoves(Random random, int count, long start, bool clockGoesBack)
    {
        var moves = new List<LedgerMove>(count);
        var time = start;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(0, 60_000);
            if (clockGoesBack && random.Next(50) == 0) time -= random.Next(0, 600_000);
            var fromOwner = Owners[random.Next(Owners.Length)];
            var toOwner = random.Next(2) == 0 ? fromOwner : Owners[random.Next(Owners.Length)];
            var fromWallet = Wallets[random.Next(Wallets.Length)];
            var toWallet = Wallets[random.Next(Wallets.Length)];
            var initiator = random.Next(3) == 0 ? fromOwner.ToUpperInvariant() : fromOwner;
            moves.Add(new LedgerMove(LedgerState.FirstId + i, time, Channels[random.Next(Channels.Length)], Types[random.Next(Types.Length)],
                initiator, WalletAddress.Of(fromOwner, fromWallet, "BTCUSDT"), WalletAddress.Of(toOwner, toWallet, random.Next(2) == 0 ? "BTCUSDT" : "ETHUSDT"),
                Assets[random.Next(Assets.Length)], 1m, LedgerMove.Confirmed, null));
        }
        return moves;
    }

    /// <summary>A random key and the plain predicate of the moves it names.</summary>
    private static (HistoryKey Key, Func<LedgerMove, bool> Matches) RandomKey(Random random)
    {
        var owner = Owners[random.Next(Owners.Length)];
        var asked = random.Next(2) == 0 ? owner : owner.ToUpperInvariant();
        var channel = Channels[random.Next(Channels.Length)];
        bool Same(string a) => string.Equals(a, owner, StringComparison.OrdinalIgnoreCase);
        switch (random.Next(4))
        {
            case 0:
                var type = Types[random.Next(Types.Length)];
                return (HistoryKey.Initiated(channel, type, asked), m => m.Channel == channel && m.Type == type && Same(m.Initiator));
            case 1:
                return (HistoryKey.ChannelParty(channel, asked), m => m.Channel == channel && (Same(m.From.Owner) || Same(m.To.Owner)));
            case 2:
                var wallet = WalletAddress.Of(asked, Wallets[random.Next(Wallets.Length)], random.Next(2) == 0 ? "BTCUSDT" : "ETHUSDT");
                bool Is(WalletAddress w) => Same(w.Owner) && w.Wallet == wallet.Wallet && w.Symbol == wallet.Symbol;
                return (HistoryKey.Wallet(wallet), m => Is(m.From) || Is(m.To));
            default:
                return (HistoryKey.Party(asked), m => Same(m.From.Owner) || Same(m.To.Owner));
        }
    }
}
