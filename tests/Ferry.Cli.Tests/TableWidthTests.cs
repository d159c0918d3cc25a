namespace Ferry.Cli.Tests;

/// <summary>Piped output keeps each table row on one line instead of wrapping at 80 columns.</summary>
public sealed class TableWidthTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sub_account_history_rows_do_not_wrap_when_piped()
    {
        Assert.Equal(0, (await _cli.RunAsync("transfer", "100", "USDT", "--from", "spot", "--to", "alice@example.com/usdm")).ExitCode);
        var history = await _cli.RunAsync("history", "--sub");
        Assert.Equal(0, history.ExitCode);
        var row = Assert.Single(history.Out.Split('\n'), line => line.Contains("alice@example.com", StringComparison.Ordinal));
        Assert.Contains("master@example.com", row);
        Assert.Contains("100", row);
    }
}
