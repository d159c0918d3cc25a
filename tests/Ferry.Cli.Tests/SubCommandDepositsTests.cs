using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry sub deposit-address</c> and <c>ferry sub deposits</c> on the embedded simulator.</summary>
public sealed class SubCommandDepositsTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Deposit_address_is_the_same_on_every_call_and_history_lists_the_demo_deposit()
    {
        var first = await _cli.RunAsync("sub", "deposit-address", "alice@example.com", "usdt", "--network", "eth", "--json");
        var second = await _cli.RunAsync("sub", "deposit-address", "alice@example.com", "USDT", "--network", "ETH", "--json");
        Assert.Equal(0, first.ExitCode);
        var address = JsonDocument.Parse(first.Out).RootElement.GetProperty("result").GetProperty("address").GetString();
        Assert.Equal(address, JsonDocument.Parse(second.Out).RootElement.GetProperty("result").GetProperty("address").GetString());

        var deposits = await _cli.RunAsync("sub", "deposits", "alice@example.com", "--json");
        Assert.Equal(0, deposits.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(deposits.Out).RootElement.GetProperty("result").EnumerateArray());
        Assert.Equal(("500", address), (row.GetProperty("amount").GetString(), row.GetProperty("address").GetString()));
        var table = await _cli.RunAsync("sub", "deposits", "alice@example.com", "--coin", "USDT", "--status", "1");
        Assert.Contains("1 deposit(s).", table.Out);
    }

    [Theory]
    [InlineData("sub", "deposit-address", "alice@example.com", "US DT")]
    [InlineData("sub", "deposit-address", "alice", "USDT")]
    [InlineData("sub", "deposit-address", "alice@example.com", "USDT", "--network", "e-th")]
    [InlineData("sub", "deposits", "alice@example.com", "--status", "3")]
    [InlineData("sub", "deposits", "alice@example.com", "--days", "0")]
    [InlineData("sub", "deposits", "alice@example.com", "--coin", "$")]
    public async Task Bad_input_is_exit_code_2_and_nothing_is_started(params string[] args)
    {
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(_cli.StatePath));
    }
}
