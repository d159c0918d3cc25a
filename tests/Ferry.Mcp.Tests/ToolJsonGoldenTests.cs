using System.Runtime.CompilerServices;
using System.Text;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The exact bytes of the documents the MCP server builds itself: balances kept to one wallet, and a mainnet refusal's
/// consent details. A mismatch writes the actual text beside the golden as <c>.received</c>, to diff.
/// </summary>
public sealed class ToolJsonGoldenTests
{
    private const string MainnetAccounts = """
        {"accounts": [{"name": "main", "environment": "mainnet", "email": "master@example.com", "subAccounts": ["alice@example.com"],
          "apiKey": "MCPgoldenKEY-0123456789abcdef-XYZ", "secret": "MCPgoldenSECRET-0123456789-ABCDE"}]}
        """;

    [Fact]
    public async Task Balances_of_one_wallet_keep_their_shape()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var text = new StringBuilder();
        foreach (var wallet in new[] { "usdm", "isolated", "SPOT", "moon" })
        {
            var call = (await ferry.CallAsync("balances", new { wallet })).Ok();
            text.Append("### balances wallet=").Append(wallet).Append('\n').Append(call.Text).Append('\n')
                .Append(call.Result.StructuredContent!.Value.GetRawText()).Append('\n');
        }
        Verify("balances-wallet", text.ToString());
    }

    [Fact]
    public async Task A_consent_refusal_keeps_its_shape()
    {
        await using var ferry = await FerryMcpProcess.StartAsync(FerryMcpProcess.NewHome(MainnetAccounts));
        var planId = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured["planId"]!.GetValue<string>();
        var refused = (await ferry.CallAsync("execute_plan", new { planId })).Failed("refused");
        Verify("consent-refusal", refused.Text + "\n" + refused.Result.StructuredContent!.Value.GetRawText().Replace(planId, "<plan-id>", StringComparison.Ordinal) + "\n");
    }

    private static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden");
        var golden = Path.Combine(folder, name + ".txt");
        var received = Path.Combine(folder, name + ".received.txt");
        if (File.Exists(golden) && File.ReadAllText(golden).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"The documents differ from {golden}; compare it with {received}.");
    }
}
