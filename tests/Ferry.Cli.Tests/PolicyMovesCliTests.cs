using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary>The transfer policy judges each move of a rebalance on its own (embedded simulator, demo data: alice holds
/// 500 USDT in spot, bob nothing): a refused move is not sent and names its rule, the others run.</summary>
public sealed class PolicyMovesCliTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_rebalance_move_the_policy_blocks_is_not_sent_and_names_the_rule_while_the_others_run()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "policy.yaml"),
            "default: allow\nrules:\n  - name: nothing-to-bob\n    match: { to: 'bob@example.com/*' }\n    action: block\n");
        var plan = Path.Combine(_cli.Home, "targets.yaml");
        await File.WriteAllTextAsync(plan, "assets:\n  USDT:\n    alice@example.com/spot: 300\n    bob@example.com/spot: 25%\n    alice@example.com/usdm: rest\n");

        var run = await _cli.RunAsync("rebalance", plan, "--json");
        Assert.Equal(4, run.ExitCode);
        var moves = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("moveId", out _)).ToList();
        var toBob = moves.Single(m => m.GetProperty("to").GetString() == "bob@example.com/spot");
        Assert.Equal("not-sent", toBob.GetProperty("outcome").GetString());
        Assert.Equal("Rule 'nothing-to-bob' blocks this move; nothing was sent.", toBob.GetProperty("message").GetString());
        Assert.Equal(0, toBob.GetProperty("journalIds").GetArrayLength());
        Assert.Equal("done", moves.Single(m => m.GetProperty("to").GetString() == "alice@example.com/usdm").GetProperty("outcome").GetString());

        var journal = JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json")).Out).RootElement.GetProperty("entries");
        Assert.All(journal.EnumerateArray(), e => Assert.NotEqual("bob@example.com/spot", e.GetProperty("to").GetString()));
    }
}
