using System.Globalization;
using Ferry.Engine.Addresses;
using Ferry.Engine.History;
using Ferry.Htx.Transfers;
using Ferry.Engine.Tests.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests;

/// <summary>HTX moves: planning through the service's one door (all checks before any client exists) and reconciliation
/// against ledger rows.</summary>
public sealed class HtxPlanningTests
{
    private static async Task<ITransferPlan> PlanMoveAsync(string amount, string asset, string from, string to, Venue venue = Venue.Htx)
    {
        var account = venue == Venue.Htx ? PlanOnlyService.Htx("h") : PlanOnlyService.Binance("h", email: null);
        await using var ferry = PlanOnlyService.Over(account);
        return Assert.Single((await ferry.PlanAsync(amount, asset, from, to, "h")).Legs);
    }

    [Theory]
    [InlineData("htx:spot", "htx:swap", "spot", "linear-swap", "USDT")]
    [InlineData("htx:swap", "htx:spot", "linear-swap", "spot", "USDT")]
    [InlineData("htx:spot", "htx:swap:btc-usdt", "spot", "linear-swap", "BTC-USDT")]
    [InlineData("htx:swap:ETH-USDT", "htx:spot", "linear-swap", "spot", "ETH-USDT")]
    public async Task Spot_and_swap_moves_plan_one_transfer(string from, string to, string wireFrom, string wireTo, string margin)
    {
        var plan = Assert.IsType<HtxTransferPlan>(await PlanMoveAsync("10.5", "usdt", from, to));
        Assert.Equal(("USDT", 10.5m, margin, Venue.Htx), (plan.Asset, plan.Amount, plan.MarginAccount, ((ITransferPlan)plan).Venue));
        Assert.Equal("POST /v2/account/transfer", plan.Endpoint);
        Assert.Equal([("from", wireFrom), ("to", wireTo), ("currency", "usdt"), ("amount", "10.5"), ("margin-account", margin)],
            plan.Parameters.Select(p => (p.Key, p.Value)));
        var request = plan.ToRequest();
        Assert.Equal(wireFrom == "spot" ? HtxTransferAccount.Spot : HtxTransferAccount.LinearSwap, request.From);
        Assert.Equal(margin, request.MarginAccount);
    }

    [Fact]
    public async Task Binance_addresses_still_plan_a_universal_transfer()
    {
        var plan = Assert.IsType<WalletTransferLeg>(await PlanMoveAsync("1", "USDT", "spot", "usdm", Venue.Binance)).Plan;
        Assert.Equal("MAIN_UMFUTURE", plan.TransferTypeName);
    }

    [Theory]
    [InlineData("1.123456789", "USDT", "htx:spot", "htx:swap", Venue.Htx, "more than 8 decimal places, which HTX does not accept")]
    [InlineData("0", "USDT", "htx:spot", "htx:swap", Venue.Htx, "not positive")]
    [InlineData("1", "USDT", "htx:spot", "htx:spot", Venue.Htx, "same wallet")]
    [InlineData("1", "USDT", "htx:swap:BTC-USDT", "htx:swap:btc-usdt", Venue.Htx, "same wallet")]
    [InlineData("1", "USDT", "htx:swap", "htx:swap:BTC-USDT", Venue.Htx, "through htx:spot in two steps")]
    [InlineData("1", "USDT", "htx:spot", "htx:swap:BTC-USD", Venue.Htx, "not a USDT-margined contract")]
    [InlineData("1", "USDT", "htx:spot", "spot", Venue.Htx, "different exchanges")]
    [InlineData("1", "USDT", "spot", "htx:swap", Venue.Binance, "different exchanges")]
    [InlineData("1", "USDT", "htx:spot", "htx:swap", Venue.Binance, "is a Binance account")]
    [InlineData("1", "U$DT", "htx:spot", "htx:swap", Venue.Htx, "not an asset name")]
    public async Task Bad_htx_moves_are_refused_in_one_sentence(string amount, string asset, string from, string to, Venue venue, string expected)
    {
        var error = await Assert.ThrowsAsync<TransferPlanningException>(() => PlanMoveAsync(amount, asset, from, to, venue));
        Assert.Contains(expected, error.Message);
        Assert.EndsWith(".", error.Message);
    }

    [Fact]
    public async Task Reconciliation_matches_currency_amount_direction_and_time()
    {
        var plan = (HtxTransferPlan)await PlanMoveAsync("25", "USDT", "htx:spot", "htx:swap");
        var sentAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        TransferHistoryEntry Row(long id, string type, decimal amount, int seconds, string asset = "USDT") =>
            new("htx-ledger", id, sentAt.AddSeconds(seconds), type, asset, amount, "BOOKED");

        var ledger = new[]
        {
            Row(1, "spot-to-linear-swap", 25m, 2), Row(2, "linear-swap-to-spot", 25m, 1), Row(3, "spot-to-linear-swap", 24m, 1),
            Row(4, "spot-to-linear-swap", 25m, 1, "BTC"), Row(5, "spot-to-linear-swap", 25m, 3600),
        };
        var (verdict, matches) = HtxTransferReconciler.Match(plan, sentAt, ledger);
        Assert.Equal(HtxReconciliation.Executed, verdict);
        Assert.Equal(1, Assert.Single(matches).TransferId);

        Assert.Equal(HtxReconciliation.NotFound, HtxTransferReconciler.Match(plan, sentAt, ledger[1..4]).Verdict);
        Assert.Equal(HtxReconciliation.Ambiguous, HtxTransferReconciler.Match(plan, sentAt, [.. ledger, Row(6, "spot-to-linear-swap", 25m, -30)]).Verdict);
    }

    [Fact]
    public void Ledger_rows_become_unsigned_entries_with_a_direction()
    {
        var entry = HtxHistoryReader.ToEntry(new Ferry.Htx.Models.HtxLedgerRow
        {
            AccountId = 1, Currency = "usdt", TransactAmt = -12.5m, TransactType = "transfer", TransferType = "spot-to-linear-swap",
            TransactId = 77, TransactTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
        });
        Assert.Equal(("USDT", 12.5m, "htx:spot", "htx:swap", 77L), (entry.Asset, entry.Amount, entry.From, entry.To, entry.TransferId));
    }
}
