using System.Globalization;

namespace Ferry.Mcp.Tests;

/// <summary>
/// HTX moves over MCP: plan_transfer plans htx:spot ⇄ htx:swap through the engine's door as it plans Binance routes, and
/// execute_plan runs it once through the journal; an account of one venue naming the other venue's wallets is refused in
/// the service's words, before anything is opened or sent.
/// </summary>
public sealed class HtxTransferToolTests
{
    private const string TwoVenues =
        """{"accounts":[{"name":"b","venue":"binance","environment":"sim","baseAddress":"http://127.0.0.1:5000/","apiKey":"mcp-binance-key","secret":"mcp-binance-secret"},"""
        + """{"name":"h","venue":"htx","environment":"sim","baseAddress":"http://127.0.0.1:5000/","apiKey":"mcp-htx-access-key","secret":"mcp-htx-secret-key"}]}""";

    [Fact]
    public async Task An_htx_move_is_planned_and_executed_once_on_the_embedded_simulator()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var (spot, swap) = (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap"));

        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "12.5", asset = "USDT", from = "htx:spot", to = "htx:swap" })).Ok().Structured;
        Assert.False(plan["sent"]!.GetValue<bool>());
        Assert.False(plan["needsConfirmation"]!.GetValue<bool>());
        Assert.Equal("embedded-sim", plan["target"]!["account"]!.GetValue<string>());
        var leg = plan["legs"]!.AsArray().Single()!;
        Assert.Equal("POST /v2/account/transfer", leg["endpoint"]!.GetValue<string>());
        Assert.Equal("HtxSpotSwapTransfer", leg["kind"]!.GetValue<string>());
        Assert.Equal("spot-to-linear-swap", leg["summary"]!.GetValue<string>());
        Assert.Equal("sim", leg["environment"]!.GetValue<string>());
        Assert.Equal(1, leg["index"]!.GetValue<int>());
        Assert.Equal((spot, swap), (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap")));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());

        var planId = plan["planId"]!.GetValue<string>();
        var run = (await ferry.CallAsync("execute_plan", new { planId })).Ok().Structured;
        Assert.Equal("done", run["outcome"]!.GetValue<string>());
        Assert.Equal("htx:swap", run["holding"]!.GetValue<string>());
        Assert.Equal((1, 1), (run["legsRun"]!.GetValue<int>(), run["legsTotal"]!.GetValue<int>()));
        Assert.Null(run["routeId"]);
        var ran = run["legs"]!.AsArray().Single()!;
        Assert.Equal("done", ran["outcome"]!.GetValue<string>());
        Assert.True(ran["tranId"]!.GetValue<long>() > 0);
        Assert.Equal((spot - 12.5m, swap + 12.5m), (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap")));

        (await ferry.CallAsync("execute_plan", new { planId })).Failed("replayed");
        Assert.Equal((spot - 12.5m, swap + 12.5m), (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap")));
        var entry = Assert.Single((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray())!;
        Assert.Equal(ran["journalId"]!.GetValue<string>(), entry["id"]!.GetValue<string>());
        Assert.Equal("done", entry["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("h", "spot", "usdm", "Account 'h' is an HTX account, but the move names Binance wallets.")]
    [InlineData("b", "htx:spot", "htx:swap", "Account 'b' is a Binance account, but the move names HTX wallets; choose an HTX account with --account.")]
    public async Task An_account_naming_the_other_venues_wallets_is_refused_in_the_services_words(string account, string from, string to, string sentence)
    {
        await using var ferry = await FerryMcpProcess.StartAsync(FerryMcpProcess.NewHome(TwoVenues));
        var refused = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from, to, account })).Failed("bad-input");
        Assert.Equal(sentence, refused.Error["message"]!.GetValue<string>());
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
    }

    /// <summary>The embedded HTX account's USDT in its spot wallet, or in its swap (cross margin) wallet.</summary>
    internal static async Task<decimal> HtxAsync(FerryMcpProcess ferry, string wallet)
    {
        var rows = (await ferry.CallAsync("balances", new { venue = "htx" })).Ok().Structured["balances"]!.AsArray();
        return rows.Where(r => r!["asset"]!.GetValue<string>() == "USDT" && r["wallet"]!.GetValue<string>() == "htx:" + wallet)
            .Sum(r => decimal.Parse(r!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }
}
