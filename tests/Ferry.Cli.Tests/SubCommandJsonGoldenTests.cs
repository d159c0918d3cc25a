namespace Ferry.Cli.Tests;

/// <summary>The exact <c>--json</c> documents of the <c>ferry sub</c> verbs on the embedded simulator (answers and refusals).</summary>
public sealed class SubCommandJsonGoldenTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_sub_documents_keep_their_shape()
    {
        var golden = new JsonGolden("sub");
        string[][] runs =
        [
            ["sub", "list"],
            ["sub", "list", "--active"],
            ["sub", "status"],
            ["sub", "status", "alice@example.com"],
            ["sub", "stats"],
            ["sub", "stats", "alice@example.com"],
            ["sub", "assets", "alice@example.com"],
            ["sub", "assets", "alice@example.com", "--v3"],
            ["sub", "assets", "alice@example.com", "--wallet", "margin"],
            ["sub", "assets", "alice@example.com", "--wallet", "usdm"],
            ["sub", "assets", "alice@example.com", "--wallet", "usdm", "--v1"],
            ["sub", "assets", "alice@example.com", "--wallet", "coinm"],
            ["sub", "summary"],
            ["sub", "summary", "--wallet", "margin"],
            ["sub", "summary", "--wallet", "usdm"],
            ["sub", "summary", "--wallet", "usdm", "--v1"],
            ["sub", "summary", "--wallet", "coinm"],
            ["sub", "deposit-address", "alice@example.com", "usdt", "--network", "ETH"],
            ["sub", "deposits", "alice@example.com"],
            ["sub", "positions", "alice@example.com"],
            ["sub", "positions", "alice@example.com", "--coinm"],
            ["sub", "positions", "alice@example.com", "--v1"],
            ["sub", "enable-futures", "bob@example.com"],
            ["sub", "move-position", "--from", "alice@example.com", "--to", "bob@example.com", "BTCUSDT:0.001:LONG"],
            ["sub", "positions", "--moves", "BTCUSDT"],
            ["sub", "enable-options", "bob@example.com"],
            ["sub", "enable-futures", "nobody@example.com"],
            ["sub", "ip", "show", "alice@example.com", "alice-key-0123456789"],
            ["sub", "ip", "add", "alice@example.com", "alice-key-0123456789", "10.0.0.1"],
            ["sub", "ip", "remove", "alice@example.com", "alice-key-0123456789", "10.0.0.1"],
        ];
        foreach (var args in runs) golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        golden.Verify();
    }
}
