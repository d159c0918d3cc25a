using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The exact documents of plan_transfer, plan_sweep, plan_rebalance, execute_plan and journal_show on the real
/// <c>ferry mcp</c> process with the embedded simulator: both the text block and the structured content, byte for byte.
/// Plan ids, expiry times, clock readings and the ids that hold the clock or random digits are masked.
/// </summary>
public sealed partial class PlanDocumentGoldenTests
{
    [Fact]
    public async Task The_plan_and_execute_documents_keep_their_shape()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var text = new StringBuilder();
        async Task<string> CallAsync(string tool, object arguments)
        {
            var call = await ferry.CallAsync(tool, arguments);
            text.Append("### ").Append(tool).Append(' ').Append(System.Text.Json.JsonSerializer.Serialize(arguments))
                .Append(call.IsError ? " -> error\n" : " -> ok\n")
                .Append(call.Text).Append('\n')
                .Append(call.Result.StructuredContent?.GetRawText() ?? "").Append('\n');
            return PlanId().Match(call.Text + call.Result.StructuredContent?.GetRawText()).Value;
        }

        (string Tool, object Arguments)[] plans =
        [
            ("plan_transfer", new { amount = "10", asset = "USDT", from = "spot", to = "usdm" }),
            ("plan_transfer", new { amount = "1000000", asset = "USDT", from = "spot", to = "usdm" }),
            ("plan_transfer", new { amount = "1", asset = "USDT", from = "spot", to = "bob@example.com/usdm" }),
            ("plan_transfer", new { amount = "20", asset = "USDT", from = "margin", to = "alice@example.com/usdm" }),
            ("plan_transfer", new { amount = "20", asset = "USDT", from = "margin", to = "bob@example.com/usdm" }),
            ("plan_sweep", new { asset = "usdt", to = "spot", keep = "400" }),
            ("plan_sweep", new { asset = "usdt", to = "spot", from = new[] { "alice@example.com" }, wallet = "spot", min = "1" }),
            ("plan_rebalance", new { targets = "assets:\n  USDT:\n    alice@example.com/spot: 50%\n    bob@example.com/spot: rest\n" }),
        ];
        foreach (var (tool, arguments) in plans)
        {
            var planId = await CallAsync(tool, arguments);
            await CallAsync("execute_plan", new { planId });
        }
        await CallAsync("journal_show", new { id = "latest" });

        var actual = Masked(text.ToString());
        var folder = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Golden");
        var golden = Path.Combine(folder, "plans.txt");
        var received = Path.Combine(folder, "plans.received.txt");
        if (File.Exists(golden) && File.ReadAllText(golden).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"The MCP documents differ from {golden}; compare it with {received}.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    private static string Masked(string text)
    {
        text = PlanId().Replace(text, "<plan-id>");
        text = ExpiresAt().Replace(text, "<expires-at>");
        text = EpochMilliseconds().Replace(text, "<epoch-ms>");
        text = JournalId().Replace(text, "<journal-id>");
        text = RouteId().Replace(text, "<route-id>");
        text = RunId().Replace(text, "<run-id>");
        return ClientTranId().Replace(text, "<client-tran-id>");
    }

    [GeneratedRegex(@"plan_[0-9a-f]{24}")]
    private static partial Regex PlanId();

    [GeneratedRegex(@"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")]
    private static partial Regex ExpiresAt();

    [GeneratedRegex(@"(?<![0-9])1[0-9]{12}(?![0-9])")]
    private static partial Regex EpochMilliseconds();

    [GeneratedRegex(@"J[0-9]{14}-[0-9a-f]{10}")]
    private static partial Regex JournalId();

    [GeneratedRegex(@"R[0-9]{14}-[0-9a-f]+")]
    private static partial Regex RouteId();

    [GeneratedRegex(@"(?<=""runId"":"")[^""]+")]
    private static partial Regex RunId();

    [GeneratedRegex(@"ferry[0-9a-f]{24}")]
    private static partial Regex ClientTranId();
}
