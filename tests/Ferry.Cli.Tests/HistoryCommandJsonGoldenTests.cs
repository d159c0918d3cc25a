namespace Ferry.Cli.Tests;

/// <summary>The exact <c>--json</c> documents of <c>ferry history</c> (wallet, margin and --sub) on the embedded simulator.</summary>
public sealed class HistoryCommandJsonGoldenTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_history_documents_keep_their_shape()
    {
        var golden = new JsonGolden("history");
        golden.Add(["history"], await _cli.RunAsync("history", "--json"));
        Assert.Equal(0, (await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", "margin")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("transfer", "3", "USDT", "--from", "spot", "--to", "alice@example.com/spot")).ExitCode);
        string[][] runs =
        [
            ["history"],
            ["history", "--asset", "usdt", "--type", "MAIN_UMFUTURE"],
            ["history", "--margin"],
            ["history", "--sub"],
            ["history", "--sub", "--asset", "BTC"],
        ];
        foreach (var args in runs) golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        golden.Verify();
    }
}
