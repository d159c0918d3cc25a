namespace Ferry.Cli.Tests;

/// <summary>
/// The exact <c>--json</c> documents of <c>ferry sub</c>, <c>ferry history</c> and <c>ferry accounts</c> on the embedded
/// simulator (answers and refusals); the managed verbs' are in <see cref="ManagedCommandTests"/>, which has their scenario.
/// </summary>
public sealed class JsonGoldenTests : IDisposable
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

    [Fact]
    public async Task The_accounts_documents_keep_their_shape()
    {
        var golden = new JsonGolden("accounts");
        _cli.Environment["FERRY_MASTER_API_KEY"] = "golden-master-api-key-0123456789";
        _cli.Environment["FERRY_MASTER_API_SECRET"] = "golden-master-secret-0123456789";
        var tools = Path.Combine(_cli.Home, "TOOLS.md");
        File.WriteAllText(tools, "## Binance Accounts\n### desk\n- API Key: golden-desk-api-key-0123456789\n- Secret: golden-desk-secret-0123456789\n- Description: Desk <&> account\n- Environment: testnet\n");
        string[][] runs =
        [
            ["accounts", "list"],
            ["accounts", "add", "master", "--environment", "mainnet", "--from-env", "--email", "master@example.com", "--sub-accounts", "alice@example.com"],
            ["accounts", "import", tools],
            ["accounts", "list"],
            ["accounts", "show", "master"],
            ["accounts", "show", "desk"],
            ["accounts", "remove", "desk"],
        ];
        foreach (var args in runs) golden.Add(args.Select(a => a == tools ? "TOOLS.md" : a), await _cli.RunAsync([.. args, "--json"]));
        golden.Verify();
    }
}
