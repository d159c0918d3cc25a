using System.Text.Json;

namespace Ferry.Cli.Tests;

public sealed class EmbeddedSimulatorTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static decimal Balance(JsonDocument balances, string owner, string wallet, string asset) =>
        balances.RootElement.GetProperty("balances").EnumerateArray()
            .Where(r => r.GetProperty("owner").GetString() == owner && r.GetProperty("wallet").GetString() == wallet
                && r.GetProperty("asset").GetString() == asset)
            .Select(r => decimal.Parse(r.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();

    [Fact]
    public async Task Transfer_then_balances_shows_the_move_across_invocations()
    {
        var before = JsonDocument.Parse((await _cli.RunAsync("balances", "--json")).Out);
        var transfer = await _cli.RunAsync("transfer", "250", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(0, transfer.ExitCode);
        Assert.Contains("SIMULATOR", transfer.Out);
        Assert.Contains("MAIN_UMFUTURE", transfer.Out);

        var after = JsonDocument.Parse((await _cli.RunAsync("balances", "--json")).Out);
        const string master = "master@example.com";
        Assert.Equal(Balance(before, master, "SPOT", "USDT") - 250, Balance(after, master, "SPOT", "USDT"));
        Assert.Equal(Balance(before, master, "USDT_FUTURE", "USDT") + 250, Balance(after, master, "USDT_FUTURE", "USDT"));
        Assert.True(after.RootElement.GetProperty("target").GetProperty("simulator").GetBoolean());
    }

    [Fact]
    public async Task Balances_on_a_fresh_home_write_no_state_and_equal_the_balances_read_from_the_seeded_file()
    {
        var freshText = await _cli.RunAsync("balances");
        var fresh = await _cli.RunAsync("balances", "--json");
        Assert.True(fresh.ExitCode == 0, fresh.All);
        Assert.False(File.Exists(_cli.StatePath), "a read-only balances wrote the simulator's state file");
        Assert.False(File.Exists(Path.Combine(_cli.Home, "journal.db")), "a read-only balances wrote the journal");

        // A refused transfer reads the simulator, so it seeds the state file, and moves nothing.
        Assert.Equal(4, (await _cli.RunAsync("transfer", "1000000", "USDT", "--from", "spot", "--to", "usdm")).ExitCode);
        Assert.True(File.Exists(_cli.StatePath));

        var seeded = await _cli.RunAsync("balances", "--json");
        Assert.Equal(fresh.Out, seeded.Out);
        Assert.Equal(freshText.Out, (await _cli.RunAsync("balances")).Out);
    }

    [Fact]
    public async Task Json_transfer_reports_the_transfer_id_and_history_lists_it()
    {
        var transfer = await _cli.RunAsync("transfer", "0.1", "btc", "--from", "spot", "--to", "funding", "--json");
        Assert.Equal(0, transfer.ExitCode);
        var document = JsonDocument.Parse(transfer.Out).RootElement;
        Assert.Equal("done", document.GetProperty("outcome").GetString());
        var id = document.GetProperty("tranId").GetInt64();
        Assert.Equal("MAIN_FUNDING", document.GetProperty("plan").GetProperty("parameters").GetProperty("type").GetString());

        var history = await _cli.RunAsync("history", "--type", "MAIN_FUNDING", "--json");
        Assert.Equal(0, history.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(history.Out).RootElement.GetProperty("transfers").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetInt64());
        Assert.Equal("0.1", row.GetProperty("amount").GetString());
        Assert.Equal("BTC", row.GetProperty("asset").GetString());
    }

    [Fact]
    public async Task Isolated_margin_moves_show_in_margin_history()
    {
        Assert.Equal(0, (await _cli.RunAsync("transfer", "25", "USDT", "--from", "margin", "--to", "isolated:BTCUSDT")).ExitCode);
        var history = await _cli.RunAsync("history", "--margin", "--isolated", "BTCUSDT", "--json");
        Assert.Equal(0, history.ExitCode);
        var rows = JsonDocument.Parse(history.Out).RootElement.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("type").GetString() == "ROLL_IN" && r.GetProperty("amount").GetString() == "25");
    }

    [Fact]
    public async Task Insufficient_balance_is_refused_before_sending_with_the_balance_seen()
    {
        var before = (await _cli.RunAsync("balances", "--json")).Out;
        var result = await _cli.RunAsync("transfer", "1000000", "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(4, result.ExitCode);
        Assert.Equal("ferry: 'spot' holds 10000 USDT that can move now, less than the 1000000 USDT to move; nothing was sent.", result.Error.Trim());
        Assert.Equal(before, (await _cli.RunAsync("balances", "--json")).Out);
        Assert.Empty(System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json")).Out).RootElement.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task A_sub_accounts_wallet_that_cannot_cover_the_move_is_refused_with_its_balance()
    {
        var result = await _cli.RunAsync("transfer", "501", "USDT", "--from", "alice@example.com/spot", "--to", "spot");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("'alice@example.com/spot' holds 500 USDT that can move now, less than the 501 USDT to move", result.Error);
        Assert.Equal(0, (await _cli.RunAsync("transfer", "500", "USDT", "--from", "alice@example.com/spot", "--to", "spot")).ExitCode);
    }

    [Fact]
    public async Task A_move_the_source_covers_but_the_exchange_refuses_keeps_the_exchange_code()
    {
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "bob@example.com/usdm");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(code -5011); nothing moved", result.Out);
    }

    [Theory]
    [InlineData("abc", "USDT", "spot", "usdm", "not a plain decimal")]
    [InlineData("0", "USDT", "spot", "usdm", "not positive")]
    [InlineData("-5", "USDT", "spot", "usdm", "without a sign")]
    [InlineData("1.123456789", "USDT", "spot", "usdm", "more than 8 decimal places")]
    [InlineData("1e3", "USDT", "spot", "usdm", "not a plain decimal")]
    [InlineData("1", "USDT", "spot", "savings", "unknown Binance wallet")]
    [InlineData("1", "USDT", "spot", "isolated", "needs the isolated margin symbol")]
    [InlineData("1", "USDT", "spot", "spot", "same wallet")]
    [InlineData("1", "US$", "spot", "usdm", "not an asset name")]
    [InlineData("1", "USDT", "not-an-email/spot", "usdm", "malformed email")]
    public async Task Bad_input_is_one_sentence_exit_2_and_writes_nothing(string amount, string asset, string from, string to, string expected)
    {
        var result = await _cli.RunAsync("transfer", amount, asset, "--from", from, "--to", to);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.StartsWith("ferry: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(_cli.StatePath), "bad input must not start the simulator or write its state");
    }

    [Fact]
    public async Task Missing_required_option_is_bad_input()
    {
        var result = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Error);
    }

    [Fact]
    public async Task Dry_run_prints_the_request_and_sends_nothing()
    {
        var result = await _cli.RunAsync("transfer", "1.50", "USDT", "--from", "isolated:BTCUSDT", "--to", "isolated:ETHUSDT", "--dry-run", "--json");
        Assert.Equal(0, result.ExitCode);
        var parameters = JsonDocument.Parse(result.Out).RootElement.GetProperty("plan").GetProperty("parameters");
        Assert.Equal("ISOLATEDMARGIN_ISOLATEDMARGIN", parameters.GetProperty("type").GetString());
        Assert.Equal("1.5", parameters.GetProperty("amount").GetString());
        Assert.Equal("BTCUSDT", parameters.GetProperty("fromSymbol").GetString());
        Assert.Equal("ETHUSDT", parameters.GetProperty("toSymbol").GetString());
        Assert.False(File.Exists(_cli.StatePath));
    }

    [Theory]
    [InlineData("history", "--days", "0")]
    [InlineData("history", "--days", "181")]
    [InlineData("history", "--margin", "--days", "31")]
    [InlineData("history", "--type", "MAIN_NOWHERE")]
    [InlineData("history", "--isolated", "BTCUSDT")]
    [InlineData("balances", "--owner", "nobody")]
    [InlineData("sim", "serve", "--port", "70000")]
    [InlineData("sim", "serve", "--scenario", "/nonexistent/scenario.json")]
    [InlineData("frobnicate")]
    public async Task Other_bad_input_is_exit_2(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ferry: ", result.Error);
        Assert.False(File.Exists(_cli.StatePath));
    }

    [Fact]
    public async Task Demo_runs_a_tour_and_exits_0()
    {
        var result = await _cli.RunAsync("demo");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("SIMULATOR", result.Out);
        Assert.Contains("MARGIN_ISOLATEDMARGIN", result.Out);
        Assert.Contains("refused: code -5002", result.Out);
        Assert.Contains("unchanged", result.Out);
        Assert.False(File.Exists(_cli.StatePath), "the demo uses a fresh in-memory simulator");
    }

    [Fact]
    public async Task No_output_ever_holds_the_simulator_secret_or_whole_key()
    {
        var runs = new[]
        {
            await _cli.RunAsync("balances"), await _cli.RunAsync("balances", "--json"),
            await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm", "--json"),
            await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "usdm"),
            await _cli.RunAsync("transfer", "9999999", "USDT", "--from", "spot", "--to", "usdm", "--json"),
            await _cli.RunAsync("history"), await _cli.RunAsync("history", "--json"), await _cli.RunAsync("demo"),
        };
        foreach (var run in runs)
        {
            Assert.DoesNotContain("ferry-sim-master-secret", run.All);
            Assert.DoesNotContain("ferry-sim-master-key", run.All);
        }
    }
}
