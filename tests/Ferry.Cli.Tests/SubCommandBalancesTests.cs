using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry sub assets</c> and <c>ferry sub summary</c> on the embedded simulator.</summary>
public sealed class SubCommandBalancesTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<JsonElement> JsonAsync(params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("result");
    }

    [Fact]
    public async Task Assets_shows_the_spot_wallet_as_strings_or_numbers()
    {
        var v4 = await JsonAsync("sub", "assets", "alice@example.com");
        Assert.Equal("500", v4.GetProperty("balances")[0].GetProperty("free").GetString());
        var v3 = await JsonAsync("sub", "assets", "alice@example.com", "--v3");
        Assert.Equal(500m, v3.GetProperty("balances")[0].GetProperty("free").GetDecimal());
        var table = await _cli.RunAsync("sub", "assets", "alice@example.com");
        Assert.Matches("USDT +500 +0 +0 +0", table.Out);
    }

    [Fact]
    public async Task Futures_assets_include_position_profit()
    {
        var usdm = await JsonAsync("sub", "assets", "alice@example.com", "--wallet", "usdm");
        var usdt = usdm.GetProperty("futureAccountResp").GetProperty("assets")[0];
        Assert.Equal("70", usdt.GetProperty("unrealizedProfit").GetString());
        var v1 = await JsonAsync("sub", "assets", "alice@example.com", "--wallet", "usdm", "--v1");
        Assert.Equal("USDT", v1.GetProperty("asset").GetString());
    }

    [Fact]
    public async Task Summary_values_every_sub_account()
    {
        var spot = await JsonAsync("sub", "summary");
        Assert.Equal(2, spot.GetProperty("totalCount").GetInt32());
        Assert.Equal("0.00833333", spot.GetProperty("spotSubUserAssetBtcVoList")[0].GetProperty("totalAsset").GetString());
        var usdm = await JsonAsync("sub", "summary", "--wallet", "usdm");
        Assert.Equal("alice@example.com", usdm.GetProperty("futureAccountSummaryResp").GetProperty("subAccountList")[0].GetProperty("email").GetString());
        Assert.Equal(0, (await _cli.RunAsync("sub", "summary", "--wallet", "coinm")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("sub", "summary", "--wallet", "margin")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("sub", "summary", "--wallet", "usdm", "--v1")).ExitCode);
    }

    [Fact]
    public async Task A_sub_account_without_futures_is_refused_by_the_exchange()
    {
        var run = await _cli.RunAsync("sub", "assets", "bob@example.com", "--wallet", "usdm");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("-5011", run.Out);
    }

    [Theory]
    [InlineData("sub", "assets", "alice@example.com", "--wallet", "gold")]
    [InlineData("sub", "assets", "alice@example.com", "--wallet", "margin", "--v3")]
    [InlineData("sub", "assets", "alice@example.com", "--v1")]
    [InlineData("sub", "assets", "alice")]
    [InlineData("sub", "summary", "--wallet", "spot", "--v1")]
    public async Task Bad_input_is_exit_code_2_and_nothing_is_started(params string[] args)
    {
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(_cli.StatePath));
    }
}
