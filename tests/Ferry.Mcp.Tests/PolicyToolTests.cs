using System.Diagnostics;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The transfer policy over MCP: the server's moves are asked for by its agent (<c>ferry mcp --agent NAME</c>), every leg
/// says so in the journal, and an agent hitting its cap gets a tool error of kind <c>refused</c> in one sentence naming
/// the rule and the budget left, with nothing sent; a person at the CLI on the same FERRY_HOME is not held by the
/// agents' cap.
/// </summary>
public sealed class PolicyToolTests
{
    private const string AgentCap = """
        default: allow
        rules:
          - name: agent-daily-cap
            match: { requester: agent, asset: USDT }
            limit:
              rolling: { period: 24h, max: 20 }
            action: block
        """;

    [Fact]
    public async Task An_agent_over_its_cap_gets_one_sentence_naming_the_rule_and_what_is_left_and_a_person_is_told_apart()
    {
        var home = FerryMcpProcess.NewHome();
        await File.WriteAllTextAsync(Path.Combine(home, "policy.yaml"), AgentCap);
        await using var ferry = await FerryMcpProcess.StartAsync(home, ["--agent", "claude-desk"]);

        var first = await PlanAsync(ferry, "15");
        (await ferry.CallAsync("execute_plan", new { planId = first })).Ok();
        var (spot, swap) = (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap"));

        var second = await PlanAsync(ferry, "10");
        var refused = (await ferry.CallAsync("execute_plan", new { planId = second })).Failed("refused");
        Assert.Equal("Rule 'agent-daily-cap' blocks this: 24 h of moves of USDT by agents would reach 25 of 20 (5 left); nothing was sent.",
            refused.Error["message"]!.GetValue<string>());
        Assert.Equal((spot, swap), (await HtxAsync(ferry, "spot"), await HtxAsync(ferry, "swap")));
        var entry = Assert.Single((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray())!;
        Assert.Equal("agent:claude-desk", entry["requester"]!.GetValue<string>());

        // A person at the CLI on the same FERRY_HOME is a person, not an agent: the agents' cap does not hold them.
        var person = await RunFerryAsync(home, "transfer", "10", "USDT", "--from", "htx:spot", "--to", "htx:swap");
        Assert.True(person.Code == 0, person.Output);
        var entries = (await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray();
        Assert.Equal(["person:dana", "agent:claude-desk"], entries.Select(e => e!["requester"]!.GetValue<string>()));

        // The agent's budget is still spent: 5 is left, so 5 goes and 6 would not.
        (await ferry.CallAsync("execute_plan", new { planId = await PlanAsync(ferry, "5") })).Ok();
        (await ferry.CallAsync("execute_plan", new { planId = await PlanAsync(ferry, "0.01") })).Failed("refused");
    }

    [Fact]
    public async Task An_agents_move_that_needs_approval_waits_is_listed_but_never_approved_over_mcp_and_runs_once_a_person_approves()
    {
        var home = FerryMcpProcess.NewHome();
        await File.WriteAllTextAsync(Path.Combine(home, "policy.yaml"), """
            default: allow
            rules:
              - name: agent-big-moves
                match: { requester: agent, asset: USDT }
                limit: { per-move: 10 }
                action: require-approval
            """);
        await using var ferry = await FerryMcpProcess.StartAsync(home, ["--agent", "claude-desk"]);

        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "15", asset = "USDT", from = "htx:spot", to = "htx:swap" })).Ok().Structured;
        Assert.Equal("require-approval", plan["policy"]!["action"]!.GetValue<string>());
        Assert.Equal("agent-big-moves", plan["policy"]!["rule"]!.GetValue<string>());
        var waiting = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Failed("refused");
        Assert.Contains("it waits as approval A", waiting.Error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = Assert.Single((await ferry.CallAsync("list_approvals")).Ok().Structured["approvals"]!.AsArray())!;
        var id = listed["id"]!.GetValue<string>();
        Assert.Equal(("waiting", "agent:claude-desk", "15"), (listed["state"]!.GetValue<string>(), listed["requester"]!.GetValue<string>(), listed["amount"]!.GetValue<string>()));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
        Assert.DoesNotContain((await ferry.Client.ListToolsAsync()).Select(t => t.Name), n => n.Contains("approve", StringComparison.Ordinal) || n.Contains("deny", StringComparison.Ordinal));

        var approve = await RunFerryAsync(home, "approvals", "approve", id);
        Assert.True(approve.Code == 0, approve.Output);
        var run = (await ferry.CallAsync("execute_plan", new { planId = await PlanAsync(ferry, "15") })).Ok();
        Assert.Single((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
        Assert.Equal("executed", (await ferry.CallAsync("list_approvals", new { all = true })).Ok().Structured["approvals"]![0]!["state"]!.GetValue<string>());
        Assert.NotNull(run);
    }

    private static async Task<string> PlanAsync(FerryMcpProcess ferry, string amount) =>
        (await ferry.CallAsync("plan_transfer", new { amount, asset = "USDT", from = "htx:spot", to = "htx:swap" })).Ok().Structured["planId"]!.GetValue<string>();

    private static async Task<(int Code, string Output)> RunFerryAsync(string home, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [FerryMcpProcess.FerryDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FERRY_HOME"] = home;
        start.Environment["USER"] = "dana";
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static Task<decimal> HtxAsync(FerryMcpProcess ferry, string wallet) => HtxTransferToolTests.HtxAsync(ferry, wallet);
}
