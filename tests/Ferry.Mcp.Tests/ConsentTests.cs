using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Ferry.Mcp.Tests;

/// <summary>
/// Mainnet consent over MCP. The FERRY_HOME has one MAINNET account; every refusal must come before a session opens, so
/// nothing reaches the network (the journal stays empty, and a session would have tried api.binance.com).
/// </summary>
public sealed class ConsentTests
{
    private const string MainnetAccounts = """
        {"accounts": [{"name": "main", "environment": "mainnet", "email": "master@example.com", "subAccounts": ["alice@example.com"],
          "apiKey": "MCPconsentKEY-0123456789abcdef-XYZ", "secret": "MCPconsentSECRET-0123456789-ABCDE"}]}
        """;

    [Fact]
    public async Task Without_elicitation_a_mainnet_plan_is_refused_unless_confirmation_is_exactly_CONFIRM_and_nothing_is_sent()
    {
        // --verbose: a request that left the process would show as an 'http' debug line on standard error.
        await using var ferry = await FerryMcpProcess.StartAsync(FerryMcpProcess.NewHome(MainnetAccounts), ["--verbose"]);
        var accounts = (await ferry.CallAsync("list_accounts")).Ok().Structured["accounts"]!.AsArray();
        var listed = Assert.Single(accounts)!.AsObject();
        Assert.Equal(["name", "venue", "environment"], listed.Select(p => p.Key));
        Assert.Equal("mainnet", listed["environment"]!.GetValue<string>());

        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured;
        Assert.True(plan["needsConfirmation"]!.GetValue<bool>());
        Assert.Equal("mainnet", plan["legs"]![0]!["environment"]!.GetValue<string>());
        var planId = plan["planId"]!.GetValue<string>();

        var refused = (await ferry.CallAsync("execute_plan", new { planId })).Failed("refused");
        Assert.Contains("ask them to type CONFIRM", refused.Error["message"]!.GetValue<string>());
        Assert.Contains("never supply it yourself", refused.Error["message"]!.GetValue<string>());
        Assert.Contains("MAINNET", refused.Structured["consent"]!["summary"]!.GetValue<string>());
        Assert.False(refused.Structured["consent"]!["sent"]!.GetValue<bool>());

        foreach (var wrong in new[] { "confirm", "CONFIRM ", "yes", "" })
        {
            var again = (await ferry.CallAsync("execute_plan", new { planId, confirmation = wrong })).Failed("refused");
            Assert.Contains("nothing was sent", again.Error["message"]!.GetValue<string>());
        }

        // Mainnet changes by the sub-account tools follow the same rule.
        (await ferry.CallAsync("sub_enable_futures", new { email = "alice@example.com" })).Failed("refused");
        (await ferry.CallAsync("sub_create_virtual", new { name = "agent1", confirmation = "ok" })).Failed("refused");
        (await ferry.CallAsync("sub_ip_add", new { email = "alice@example.com", subAccountApiKey = "abcdefghijklmnop", ips = new[] { "127.0.0.1" } })).Failed("refused");

        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
        Assert.Contains("mcp tool execute_plan: error", ferry.StandardError);
        Assert.DoesNotContain("ferry[debug]: http", ferry.StandardError);
    }

    [Fact]
    public async Task With_elicitation_the_server_asks_the_user_and_accepts_only_exactly_CONFIRM_whatever_the_agent_passes()
    {
        var asked = new ConcurrentQueue<string>();
        var answers = new ConcurrentQueue<ElicitResult>();
        await using var ferry = await FerryMcpProcess.StartAsync(FerryMcpProcess.NewHome(MainnetAccounts), elicitation: (request, _) =>
        {
            asked.Enqueue(request!.Message);
            Assert.True(answers.TryDequeue(out var answer));
            return ValueTask.FromResult(answer!);
        });
        var planId = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured["planId"]!.GetValue<string>();

        answers.Enqueue(Typed("confirm"));
        var lower = (await ferry.CallAsync("execute_plan", new { planId })).Failed("refused");
        Assert.Contains("did not type exactly CONFIRM", lower.Error["message"]!.GetValue<string>());

        // The agent's own 'CONFIRM' does not count when the user can be asked: the user declined.
        answers.Enqueue(new ElicitResult { Action = "decline" });
        var declined = (await ferry.CallAsync("execute_plan", new { planId, confirmation = "CONFIRM" })).Failed("refused");
        Assert.Contains("declined", declined.Error["message"]!.GetValue<string>());

        answers.Enqueue(Typed("CONFIRM please"));
        (await ferry.CallAsync("sub_enable_options", new { email = "alice@example.com" })).Failed("refused");

        Assert.Equal(3, asked.Count);
        Assert.All(asked, message => Assert.Contains("MAINNET", message));
        Assert.Contains("POST /sapi/v1/asset/transfer", asked.First());
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
    }

    private static ElicitResult Typed(string text) => new()
    {
        Action = "accept",
        Content = new Dictionary<string, JsonElement> { ["confirmation"] = JsonSerializer.SerializeToElement(text) },
    };
}
