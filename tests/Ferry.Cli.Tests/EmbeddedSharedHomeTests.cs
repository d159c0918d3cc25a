using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary>Two commands at once on the embedded default: each starts its own in-process simulator on the one state
/// file under FERRY_HOME, as two processes do, and shares the journal.</summary>
public sealed class EmbeddedSharedHomeTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Two_transfers_at_once_on_the_embedded_simulator_both_move_once_and_none_meets_a_500()
    {
        var before = await FundingAsync();
        const int pairs = 6;
        for (var i = 0; i < pairs; i++)
        {
            var runs = await Task.WhenAll(
                _cli.RunAsync("transfer", "1.5", "USDT", "--from", "spot", "--to", "funding", "--json"),
                _cli.RunAsync("transfer", "1.5", "USDT", "--from", "spot", "--to", "funding", "--json"));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.All));
        }

        Assert.Equal(before + 2 * pairs * 1.5m, await FundingAsync());
        var entries = JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json")).Out).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2 * pairs, entries.Count);
        Assert.All(entries, e => Assert.Equal("done", e.GetProperty("state").GetString()));
    }

    private async Task<decimal> FundingAsync()
    {
        var balances = await _cli.RunAsync("balances", "--owner", "master@example.com", "--json");
        Assert.True(balances.ExitCode == 0, balances.All);
        return JsonDocument.Parse(balances.Out).RootElement.GetProperty("balances").EnumerateArray()
            .Where(b => b.GetProperty("wallet").GetString() == "FUNDING" && b.GetProperty("asset").GetString() == "USDT")
            .Sum(b => decimal.Parse(b.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
