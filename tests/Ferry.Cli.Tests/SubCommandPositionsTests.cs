using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry sub positions</c> and <c>ferry sub move-position</c> on the embedded simulator.</summary>
public sealed class SubCommandPositionsTests : IDisposable
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
    public async Task Positions_list_the_demo_positions()
    {
        var v2 = await JsonAsync("sub", "positions", "alice@example.com");
        Assert.Equal(["BTCUSDT", "ETHUSDT"], v2.GetProperty("futurePositionRiskVos").EnumerateArray().Select(p => p.GetProperty("symbol").GetString()));
        var v1 = await JsonAsync("sub", "positions", "alice@example.com", "--v1");
        Assert.Equal("0.01", v1[0].GetProperty("positionAmount").GetString());
        Assert.Empty((await JsonAsync("sub", "positions", "alice@example.com", "--coinm")).GetProperty("deliveryPositionRiskVos").EnumerateArray());
    }

    [Fact]
    public async Task A_moved_position_leaves_alice_appears_at_the_master_and_shows_in_the_moves()
    {
        var move = await JsonAsync("sub", "move-position", "--from", "alice@example.com", "--to", "master@example.com", "btcusdt:0.004", "ETHUSDT:9");
        Assert.Equal([true, false], move.GetProperty("movePositionOrders").EnumerateArray().Select(o => o.GetProperty("success").GetBoolean()));

        var alice = await JsonAsync("sub", "positions", "alice@example.com");
        Assert.Equal("0.006", alice.GetProperty("futurePositionRiskVos")[0].GetProperty("positionAmount").GetString());
        var moves = await JsonAsync("sub", "positions", "--moves", "BTCUSDT");
        var row = Assert.Single(moves.EnumerateArray());
        Assert.Equal(("alice@example.com", "master@example.com", "0.004"),
            (row.GetProperty("fromUserEmail").GetString(), row.GetProperty("toUserEmail").GetString(), row.GetProperty("quantity").GetString()));
        var table = await _cli.RunAsync("sub", "positions", "--moves", "btcusdt");
        Assert.Contains("1 move(s).", table.Out);
    }

    [Fact]
    public async Task Moving_into_a_sub_account_without_futures_is_refused_by_the_exchange()
    {
        var run = await _cli.RunAsync("sub", "move-position", "--from", "alice@example.com", "--to", "bob@example.com", "BTCUSDT:0.001", "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("-5011", run.Out);
    }

    [Theory]
    [InlineData("sub", "move-position", "--from", "alice@example.com", "--to", "master@example.com", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001",
        "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001", "BTCUSDT:0.001")]
    [InlineData("sub", "move-position", "--from", "alice@example.com", "--to", "master@example.com", "BTCUSDT")]
    [InlineData("sub", "move-position", "--from", "alice@example.com", "--to", "master@example.com", "BTCUSDT:-1")]
    [InlineData("sub", "move-position", "--from", "alice@example.com", "--to", "master@example.com", "BTCUSDT:1:UP")]
    [InlineData("sub", "move-position", "--from", "alice@example.com", "--to", "alice@example.com", "BTCUSDT:1")]
    [InlineData("sub", "move-position", "--from", "alice", "--to", "master@example.com", "BTCUSDT:1")]
    [InlineData("sub", "positions", "alice@example.com", "--moves", "BTCUSDT")]
    [InlineData("sub", "positions", "alice@example.com", "--coinm", "--v1")]
    [InlineData("sub", "positions")]
    public async Task Bad_input_is_exit_code_2_and_nothing_is_started(params string[] args)
    {
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(_cli.StatePath));
    }
}
