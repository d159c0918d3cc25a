namespace Ferry.Cli.Tests;

/// <summary>
/// Every command that takes an amount parses the typed text exactly: text that decimal would round (0.999...9 to 1,
/// 0.12345678999... to 0.12345679) is refused with exit 2 before anything opens, as 0.123456789 always was.
/// </summary>
public sealed class ExactAmountCliTests : IDisposable
{
    private const string RoundsUp = "0.99999999999999999999999999999999";
    private const string RoundsToEight = "0.12345678999999999999999999999";
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string[], string> Commands() => new()
    {
        { ["transfer", RoundsUp, "USDT", "--from", "spot", "--to", "usdm"], "Binance" },
        { ["transfer", RoundsToEight, "USDT", "--from", "spot", "--to", "usdm"], "Binance" },
        { ["transfer", RoundsUp, "USDT", "--from", "htx:spot", "--to", "htx:swap"], "HTX" },
        { ["transfer", RoundsToEight, "USDT", "--from", "spot", "--to", "alice@example.com/usdm"], "Binance" },
        { ["sweep", "USDT", "--to", "spot", "--keep", RoundsUp], "Binance" },
        { ["sweep", "USDT", "--to", "spot", "--min", RoundsToEight], "Binance" },
        { ["managed", "deposit", RoundsUp, "USDT", "--to", "fund@example.com"], "Binance" },
        { ["sub", "move-position", "--from", "alice@example.com", "--to", "bob@example.com", "BTCUSDT:" + RoundsUp], "Binance" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Text_that_decimal_would_round_is_refused_with_exit_2_and_nothing_opens(string[] args, string venue)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains($"more than 8 decimal places, which {venue} does not accept", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(_cli.StatePath), "bad input must not start the embedded simulator");
    }

    [Fact]
    public async Task A_rebalance_target_that_decimal_would_round_is_refused()
    {
        var plan = Path.Combine(_cli.Home, "plan.yaml");
        File.WriteAllText(plan, $"assets:\n  USDT:\n    alice@example.com/spot: {RoundsUp}\n    bob@example.com/spot: rest\n");
        var result = await _cli.RunAsync("rebalance", plan, "--dry-run");
        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains("more than 8 decimal places, which Binance does not accept", result.Error);
    }

    [Fact]
    public async Task A_huge_amount_is_echoed_as_a_short_prefix()
    {
        var result = await _cli.RunAsync("transfer", "1." + new string('9', 100_000), "USDT", "--from", "spot", "--to", "usdm");
        Assert.Equal(2, result.ExitCode);
        Assert.True(result.Error.Length < 300, result.Error[..Math.Min(500, result.Error.Length)]);
    }

    [Fact]
    public async Task Trailing_zeros_are_not_decimal_places()
    {
        var result = await _cli.RunAsync("transfer", "1.500000000000000000000000000000000000", "USDT", "--from", "spot", "--to", "usdm", "--dry-run", "--json");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("\"amount\": \"1.5\"", result.Out);
    }
}
