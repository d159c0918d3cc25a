using System.Text.Json;
using Ferry.Engine.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Cli.Tests;

/// <summary>ferry sweep and ferry rebalance on the embedded simulator (demo: alice holds 500 USDT in spot, bob nothing).</summary>
public sealed class MovesCliTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public async Task Sweep_dry_run_prints_the_plan_as_json_lines_and_sends_nothing()
    {
        var dry = await _cli.RunAsync("sweep", "usdt", "--to", "spot", "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.All);
        var lines = Lines(dry.Out);
        Assert.Equal("bob@example.com/spot", lines[0].GetProperty("skipped").GetString());
        var move = lines[1];
        Assert.Equal(("m1", "alice@example.com/spot", "spot", "500", "planned"), (move.GetProperty("moveId").GetString(), move.GetProperty("from").GetString(),
            move.GetProperty("to").GetString(), move.GetProperty("amount").GetString(), move.GetProperty("outcome").GetString()));
        Assert.Equal("POST /sapi/v1/sub-account/universalTransfer", move.GetProperty("legs")[0].GetProperty("endpoint").GetString());
        Assert.True(lines[2].GetProperty("summary").GetBoolean());
        Assert.True(lines[2].GetProperty("dryRun").GetBoolean());
        using (var j = OpenJournal()) Assert.Empty(j.List());

        var text = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--dry-run", "--keep", "100");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("400 USDT", text.Out);
        Assert.Contains("Dry run: nothing sent.", text.Out);
    }

    [Fact]
    public async Task Sweep_moves_each_source_once_prints_a_line_per_move_and_a_rerun_has_nothing_left()
    {
        var run = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--from", "alice@example.com", "bob@example.com", "--json");
        Assert.True(run.ExitCode == 0, run.All);
        var lines = Lines(run.Out);
        var move = lines.Single(l => l.TryGetProperty("moveId", out _));
        Assert.Equal("done", move.GetProperty("outcome").GetString());
        var journalId = move.GetProperty("journalIds")[0].GetString()!;
        using (var j = OpenJournal()) Assert.Equal(LegState.Done, j.Find(journalId)!.State);
        Assert.True(move.GetProperty("tranIds")[0].GetInt64() > 0);
        var summary = lines[^1];
        Assert.Equal((1, 1), (summary.GetProperty("done").GetInt32(), summary.GetProperty("planned").GetInt32()));

        var again = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, Lines(again.Out)[^1].GetProperty("planned").GetInt32());
        using (var j = OpenJournal()) Assert.Single(j.List());
    }

    [Fact]
    public async Task An_interrupted_sweep_resumes_from_the_journal_and_moves_the_money_once()
    {
        Assert.Equal(0, (await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--dry-run")).ExitCode); // seeds the embedded state
        // A run killed after writing 'sending' for alice's move, an hour ago; the request never reached the exchange.
        string crashed;
        using (var journal = SqliteTransferJournal.Open(Path.Combine(_cli.Home, "journal.db"), new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(1))))
        {
            crashed = journal.Plan(new LegDescription("SubAccountUniversalTransfer", "binance", "embedded-sim", "POST /sapi/v1/sub-account/universalTransfer",
                [new("fromEmail", "alice@example.com"), new("fromAccountType", "SPOT"), new("toAccountType", "SPOT"),
                 new("clientTranId", "ferry00000000000000000000crash1"), new("asset", "USDT"), new("amount", "500")],
                "alice@example.com/spot", "spot", "USDT", 500m, "ferry00000000000000000000crash1", "moves-dead:m1")).Id;
            journal.Transition(crashed, LegState.Planned, LegState.Sending);
        }

        // Re-running the same sweep first reconciles the crashed leg (not executed), then plans and moves alice's 500 once.
        var resumed = await _cli.RunAsync("sweep", "USDT", "--to", "spot");
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Contains($"journal {crashed}: not-executed", resumed.Out);
        Assert.Contains("m1 500 USDT alice@example.com/spot → spot: done", resumed.Out);
        using var journal2 = OpenJournal();
        Assert.Equal(LegState.NotExecuted, journal2.Find(crashed)!.State);
        Assert.Single(journal2.List([LegState.Done]));

        var again = await _cli.RunAsync("sweep", "USDT", "--to", "spot", "--json");
        Assert.Equal(0, Lines(again.Out)[^1].GetProperty("planned").GetInt32());
    }

    [Fact]
    public async Task Rebalance_reaches_shares_with_one_move_and_a_rerun_needs_none()
    {
        var plan = Path.Combine(_cli.Home, "plan.yaml");
        await File.WriteAllTextAsync(plan, "assets:\n  USDT:\n    alice@example.com/spot: 40%\n    bob@example.com/spot: rest\n");
        var dry = await _cli.RunAsync("rebalance", plan, "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.All);
        var move = Lines(dry.Out)[0];
        Assert.Equal(("alice@example.com/spot", "bob@example.com/spot", "300"), (move.GetProperty("from").GetString(), move.GetProperty("to").GetString(), move.GetProperty("amount").GetString()));

        var run = await _cli.RunAsync("rebalance", plan);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("m1 300 USDT alice@example.com/spot → bob@example.com/spot: done", run.Out);
        Assert.Contains("1 done, 0 rejected", run.Out);

        var again = await _cli.RunAsync("rebalance", plan, "--json");
        Assert.Equal(0, Lines(again.Out)[^1].GetProperty("planned").GetInt32());
    }

    [Theory]
    [InlineData("sweep", "USDT", "--to", "spot", "--min", "abc")]
    [InlineData("sweep", "USDT", "--to", "spot", "--from-all-subaccounts", "--from", "alice@example.com")]
    [InlineData("sweep", "USDT", "--to", "spot", "--from", "not-an-email")]
    [InlineData("sweep", "USDT", "--to", "nobody@example.com/spot")]
    [InlineData("sweep", "USDT", "--to", "spot", "--wallet", "isolated:BTCUSDT")]
    [InlineData("sweep", "USDT", "--to", "spot", "--parallel", "0")]
    [InlineData("rebalance", "{home}/missing.yaml")]
    [InlineData("rebalance", "{home}/bad.yaml")]
    public async Task Bad_input_is_refused_before_anything_starts(params string[] args)
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "bad.yaml"), "assets:\n  USDT:\n    alice@example.com/spot: 40%\n    bob@example.com/spot: lots\n");
        var result = await _cli.RunAsync(args.Select(a => a.Replace("{home}", _cli.Home)).ToArray());
        Assert.True(result.ExitCode == 2, result.All);
        Assert.StartsWith("ferry: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(_cli.StatePath));
        Assert.False(File.Exists(Path.Combine(_cli.Home, "journal.db")));
    }

    [Fact]
    public async Task A_bad_yaml_line_is_named()
    {
        var plan = Path.Combine(_cli.Home, "plan.yaml");
        await File.WriteAllTextAsync(plan, "assets:\n  USDT:\n    alice@example.com/spot: 40%\n    bob@example.com/spot: lots\n");
        var result = await _cli.RunAsync("rebalance", plan, "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 4", result.Error);
        // --json: the failure as the one JSON error object, nothing else.
        var error = System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("error");
        Assert.Equal("bad-input", error.GetProperty("kind").GetString());
        Assert.Contains("line 4", error.GetProperty("message").GetString());
    }

    private SqliteTransferJournal OpenJournal() => SqliteTransferJournal.Open(Path.Combine(_cli.Home, "journal.db"));}
