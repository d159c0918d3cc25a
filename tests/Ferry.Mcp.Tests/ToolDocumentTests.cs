using System.Text.Json.Nodes;
using Ferry.Cli;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The sub-account and account tools answer with exactly the document the matching <c>ferry ... --json</c> prints:
/// each verb runs in-process on a FERRY_HOME first, then the <c>ferry mcp</c> server on the same home is asked.
/// </summary>
public sealed class ToolDocumentTests
{
    [Fact]
    public async Task The_sub_account_tools_return_the_cli_documents()
    {
        var home = FerryMcpProcess.NewHome();
        (string Tool, object Arguments, string[] Verb)[] calls =
        [
            ("list_accounts", new { }, ["accounts", "list"]),
            ("sub_list", new { }, ["sub", "list"]),
            ("sub_status", new { email = "alice@example.com" }, ["sub", "status", "alice@example.com"]),
            ("sub_assets", new { email = "alice@example.com" }, ["sub", "assets", "alice@example.com"]),
            ("sub_summary", new { wallet = "margin" }, ["sub", "summary", "--wallet", "margin"]),
            ("sub_deposits", new { email = "alice@example.com" }, ["sub", "deposits", "alice@example.com"]),
            ("sub_enable_futures", new { email = "bob@example.com" }, ["sub", "enable-futures", "bob@example.com"]),
        ];
        var printed = new List<JsonNode>();
        foreach (var (_, _, verb) in calls) printed.Add(await CliDocumentAsync(home, verb));

        await using var ferry = await FerryMcpProcess.StartAsync(home);
        for (var i = 0; i < calls.Length; i++)
        {
            var answer = (await ferry.CallAsync(calls[i].Tool, calls[i].Arguments)).Ok().Structured;
            Assert.True(JsonNode.DeepEquals(printed[i], answer), $"{calls[i].Tool}: {answer.ToJsonString()} is not {printed[i].ToJsonString()}");
        }
    }

    private static async Task<JsonNode> CliDocumentAsync(string home, string[] verb)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = TextReader.Null,
            IsInteractive = false,
            GetEnvironmentVariable = name => name == "FERRY_HOME" ? home : null,
        };
        Assert.True(await FerryApp.RunAsync([.. verb, "--json"], env) == ExitCodes.Ok, error.ToString());
        return JsonNode.Parse(output.ToString())!;
    }
}
