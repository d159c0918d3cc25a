namespace Ferry.Cli.Tests;

/// <summary>The exact <c>--json</c> documents of <c>ferry accounts</c>: keys masked, nulls written, order kept.</summary>
public sealed class AccountsCommandJsonGoldenTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

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
