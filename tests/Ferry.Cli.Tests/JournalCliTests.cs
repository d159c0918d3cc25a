using System.Text.Json;
using Ferry.Engine.Journal;

namespace Ferry.Cli.Tests;

/// <summary>ferry transfer journals its leg and prints the id; ferry journal list/show/reconcile read it back (embedded simulator).</summary>
public sealed class JournalCliTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Transfer_prints_its_journal_id_and_the_journal_commands_show_it()
    {
        var transfer = await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", "funding", "--json");
        Assert.True(transfer.ExitCode == 0, transfer.All);
        var id = JsonDocument.Parse(transfer.Out).RootElement.GetProperty("journalId").GetString()!;
        Assert.StartsWith("J", id);

        var list = await _cli.RunAsync("journal", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        var entry = JsonDocument.Parse(list.Out).RootElement.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal(id, entry.GetProperty("id").GetString());
        Assert.Equal("done", entry.GetProperty("state").GetString());
        Assert.Equal("MAIN_FUNDING", entry.GetProperty("parameters").GetProperty("type").GetString());

        var show = await _cli.RunAsync("journal", "show", id);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("planned → sending", show.Out.Replace("  ", " "));
        Assert.Contains("sending → done", show.Out.Replace("  ", " "));

        var htx = await _cli.RunAsync("transfer", "3", "USDT", "--from", "htx:spot", "--to", "htx:swap");
        Assert.True(htx.ExitCode == 0, htx.All);
        Assert.Contains("Journal id J", htx.Out);

        var reconcile = await _cli.RunAsync("journal", "reconcile", "--json");
        Assert.Equal(0, reconcile.ExitCode);
        Assert.Empty(JsonDocument.Parse(reconcile.Out).RootElement.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task A_leg_left_sending_is_reconciled_by_the_next_command()
    {
        // A run that crashed after writing 'sending' for a move that never reached the exchange.
        string id;
        using (var journal = SqliteTransferJournal.Open(Path.Combine(_cli.Home, "journal.db")))
        {
            id = journal.Plan(new LegDescription("WalletUniversalTransfer", "binance", "embedded-sim", "POST /sapi/v1/asset/transfer",
                [new("type", "MAIN_FUNDING"), new("asset", "USDT"), new("amount", "7.25")], "spot", "funding", "USDT", 7.25m)).Id;
            journal.Transition(id, LegState.Planned, LegState.Sending);
        }
        var reconcile = await _cli.RunAsync("journal", "reconcile", id, "--no-wait", "--json");
        // Just sent (by the clock): history may still lag, so it stays unknown and says so.
        Assert.Equal(3, reconcile.ExitCode);
        var result = JsonDocument.Parse(reconcile.Out).RootElement.GetProperty("results")[0];
        Assert.Equal("unknown", result.GetProperty("state").GetString());
        Assert.Contains("history may lag", result.GetProperty("reason").GetString());

        var show = await _cli.RunAsync("journal", "show", id, "--json");
        var events = JsonDocument.Parse(show.Out).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Equal(["planned", "sending", "unknown"], events);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_opens()
    {
        var show = await _cli.RunAsync("journal", "show", "J-nope");
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("no journal entry", show.Error);
        var list = await _cli.RunAsync("journal", "list", "--state", "maybe");
        Assert.Equal(2, list.ExitCode);
        Assert.False(File.Exists(_cli.StatePath));
    }

    [Fact]
    public async Task Every_command_refuses_a_journal_holding_a_state_Ferry_never_writes_and_moves_nothing()
    {
        var first = await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", "funding");
        Assert.True(first.ExitCode == 0, first.All);
        var before = await _cli.RunAsync("balances", "--json");
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_cli.Home, "journal.db")};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "UPDATE legs SET state = 'half-done';";
            cmd.ExecuteNonQuery();
        }

        foreach (var args in new[] { new[] { "transfer", "5", "USDT", "--from", "spot", "--to", "funding" }, ["journal", "list"], ["journal", "reconcile"], ["journal", "resume", "latest"] })
        {
            var refused = await _cli.RunAsync(args);
            Assert.True(refused.ExitCode == 4, $"{string.Join(' ', args)}: {refused.All}");
            Assert.Matches(@"^ferry: Journal entry J\S+ holds an unknown state 'half-done'; Ferry will not act on a journal it cannot read\.\s*$", refused.Error);
        }
        Assert.Equal(before.Out, (await _cli.RunAsync("balances", "--json")).Out);
    }
}
