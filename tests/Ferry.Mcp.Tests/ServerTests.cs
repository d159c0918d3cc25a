using System.Text.Json.Nodes;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The real <c>ferry mcp</c> process on the embedded simulator (no account configured): the tools and their schemas,
/// planning (sends nothing), executing once, the replayed and the expired plan, and the tool-error shape.
/// </summary>
public sealed class ServerTests
{
    private static readonly string[] ExpectedTools =
    [
        "list_accounts", "balances", "plan_transfer", "execute_plan", "plan_sweep", "plan_rebalance", "transfer_history", "journal_list", "journal_show", "journal_reconcile", "journal_resume", "list_approvals",
        "sub_list", "sub_status", "sub_assets", "sub_summary", "sub_stats", "sub_deposit_address", "sub_deposits", "sub_ip_show",
        "sub_create_virtual", "sub_enable_futures", "sub_enable_options", "sub_ip_add", "sub_ip_remove",
        "managed_list", "managed_assets", "managed_futures_assets", "managed_margin_assets", "managed_snapshot", "managed_deposit_address", "managed_log",
    ];

    [Fact]
    public async Task Every_tool_is_listed_with_a_description_an_input_schema_and_an_output_schema()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var tools = await ferry.Client.ListToolsAsync();
        Assert.Equal(ExpectedTools.Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{tool.Name} has no description");
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            Assert.True(tool.OutputSchema is { } output && output.GetProperty("type").GetString() == "object", $"{tool.Name} has no output schema");
            var inputs = tool.InputSchema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(o => o.Name).ToList() : [];
            Assert.DoesNotContain(inputs, name => name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("path", StringComparison.OrdinalIgnoreCase) || name.Contains("file", StringComparison.OrdinalIgnoreCase));
        }

        var plan = tools.Single(t => t.Name == "plan_transfer").ProtocolTool;
        var required = plan.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["amount", "asset", "from", "to"], required);
        Assert.True(plan.Annotations?.ReadOnlyHint, "plan_transfer sends nothing, so it is read-only");

        var execute = tools.Single(t => t.Name == "execute_plan").ProtocolTool;
        Assert.True(execute.Annotations?.DestructiveHint);
        var confirmation = execute.InputSchema.GetProperty("properties").GetProperty("confirmation").GetProperty("description").GetString()!;
        Assert.Contains("never fill this in yourself", confirmation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("NEVER supply CONFIRM on your own", execute.Description);
        foreach (var changing in new[] { "sub_create_virtual", "sub_enable_futures", "sub_enable_options", "sub_ip_add", "sub_ip_remove" })
            Assert.True(tools.Single(t => t.Name == changing).ProtocolTool.InputSchema.GetProperty("properties").TryGetProperty("confirmation", out _), $"{changing} takes no confirmation");
    }

    [Fact]
    public async Task With_no_account_configured_list_accounts_is_empty_and_tools_use_the_embedded_simulator()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        Assert.Empty((await ferry.CallAsync("list_accounts")).Ok().Structured["accounts"]!.AsArray());
        var subs = (await ferry.CallAsync("sub_list")).Ok().Structured;
        Assert.Equal("sim", subs["target"]!["environment"]!.GetValue<string>());
        Assert.Contains(subs["result"]!.AsArray(), r => r!["email"]!.GetValue<string>() == "alice@example.com");
    }

    [Fact]
    public async Task A_plan_sends_nothing_and_executing_it_moves_the_balance_once_then_a_replay_is_refused()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var before = await UsdmAsync(ferry);

        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured;
        var planId = plan["planId"]!.GetValue<string>();
        Assert.StartsWith("plan_", planId);
        Assert.False(plan["sent"]!.GetValue<bool>());
        Assert.False(plan["needsConfirmation"]!.GetValue<bool>());
        var leg = plan["legs"]!.AsArray().Single()!;
        Assert.Equal("POST /sapi/v1/asset/transfer", leg["endpoint"]!.GetValue<string>());
        Assert.Equal("embedded-sim", leg["account"]!.GetValue<string>());
        Assert.Equal(300, leg["uidWeight"]!.GetValue<int>());
        Assert.Equal(before, await UsdmAsync(ferry));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());

        var executed = (await ferry.CallAsync("execute_plan", new { planId })).Ok().Structured;
        Assert.Equal("done", executed["outcome"]!.GetValue<string>());
        Assert.Equal(1, executed["legsRun"]!.GetValue<int>());
        var journalId = executed["legs"]![0]!["journalId"]!.GetValue<string>();
        Assert.True(executed["legs"]![0]!["tranId"]!.GetValue<long>() > 0);
        Assert.Equal(before + 5m, await UsdmAsync(ferry));

        var replay = (await ferry.CallAsync("execute_plan", new { planId })).Failed("replayed");
        Assert.Contains(planId, replay.Error["message"]!.GetValue<string>());
        Assert.Contains("already ran", replay.Error["message"]!.GetValue<string>());
        Assert.Equal(before + 5m, await UsdmAsync(ferry));

        var entries = (await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray();
        Assert.Equal(journalId, Assert.Single(entries)!["id"]!.GetValue<string>());
        Assert.Equal("done", entries[0]!["state"]!.GetValue<string>());
        var shown = (await ferry.CallAsync("journal_show", new { id = journalId })).Ok().Structured["entry"]!;
        Assert.Equal("done", shown["state"]!.GetValue<string>());
        Assert.Empty((await ferry.CallAsync("journal_reconcile")).Ok().Structured["results"]!.AsArray());
        var history = (await ferry.CallAsync("transfer_history", new { asset = "USDT" })).Ok().Structured["transfers"]!.AsArray();
        Assert.Contains(history, t => t!["type"]!.GetValue<string>() == "MAIN_UMFUTURE" && t["amount"]!.GetValue<string>() == "5");
    }

    [Fact]
    public async Task A_two_leg_route_that_stops_halfway_names_where_the_money_is_and_journal_resume_finishes_it_once()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        // Bob has not enabled futures in the demo scenario: leg 2 (master's usdm → bob's usdm) is refused.
        var plan = (await ferry.CallAsync("plan_transfer", new { amount = "40", asset = "USDT", from = "margin", to = "bob@example.com/usdm" })).Ok().Structured;
        var legs = plan["legs"]!.AsArray();
        Assert.Equal(2, legs.Count);
        Assert.Equal("POST /sapi/v1/sub-account/futures/internalTransfer", legs[1]!["endpoint"]!.GetValue<string>());

        var stopped = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Failed("rejected");
        var message = stopped.Error["message"]!.GetValue<string>();
        Assert.Contains("Leg 2 of 2", message);
        Assert.Contains("The money is in ", message);
        Assert.Equal(1, stopped.Structured["legsRun"]!.GetValue<int>() - 1);
        var routeId = System.Text.RegularExpressions.Regex.Match(message, @"journal_resume with id (R\S+) ").Groups[1].Value;
        Assert.StartsWith("R", routeId);

        (await ferry.CallAsync("sub_enable_futures", new { email = "bob@example.com" })).Ok();
        var resumed = (await ferry.CallAsync("journal_resume", new { id = routeId })).Ok().Structured;
        Assert.Equal("complete", resumed["status"]!.GetValue<string>());
        var bob = (await ferry.CallAsync("balances", new { subAccount = "bob@example.com", wallet = "usdm" })).Ok().Structured.ToJsonString();
        Assert.Contains("40", bob);
        (await ferry.CallAsync("journal_resume", new { id = routeId })).Failed("refused");
    }

    [Fact]
    public async Task A_plan_past_its_time_to_live_is_refused_and_sends_nothing()
    {
        // --plan-ttl 0s: every plan has expired by the time execute_plan reads the clock, so no test sleeps.
        await using var ferry = await FerryMcpProcess.StartAsync(arguments: ["--plan-ttl", "0s"]);
        var before = await UsdmAsync(ferry);
        var planId = (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured["planId"]!.GetValue<string>();
        var expired = (await ferry.CallAsync("execute_plan", new { planId })).Failed("expired");
        Assert.Contains(planId, expired.Error["message"]!.GetValue<string>());
        Assert.Contains("expired", expired.Error["message"]!.GetValue<string>());
        Assert.Equal(before, await UsdmAsync(ferry));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
        (await ferry.CallAsync("execute_plan", new { planId = "plan_000000000000000000000000" })).Failed("unknown");
    }

    [Fact]
    public async Task Errors_are_tool_errors_of_one_sentence_with_the_exchange_code_and_never_a_stack_trace()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var calls = new List<ToolCall>
        {
            (await ferry.CallAsync("plan_transfer", new { amount = "abc", asset = "USDT", from = "spot", to = "usdm" })).Failed("bad-input"),
            (await ferry.CallAsync("plan_transfer", new { amount = "5", asset = "USDT", from = "spot", to = "spot" })).Failed("bad-input"),
            (await ferry.CallAsync("sub_assets", new { email = "not-an-email" })).Failed("bad-input"),
            (await ferry.CallAsync("sub_assets", new { email = "--account" })).Failed("bad-input"),
            (await ferry.CallAsync("journal_show", new { id = "@/etc/passwd" })).Failed("bad-input"),
            (await ferry.CallAsync("balances", new { account = "nope" })).Failed("bad-input"),
        };

        // More than the spot wallet holds: refused before anything is sent, with the balance seen.
        var tooMuch = (await ferry.CallAsync("plan_transfer", new { amount = "99999999", asset = "USDT", from = "spot", to = "usdm" })).Ok().Structured["planId"]!.GetValue<string>();
        var refused = (await ferry.CallAsync("execute_plan", new { planId = tooMuch })).Failed("refused");
        Assert.Contains("'spot' holds ", refused.Error["message"]!.GetValue<string>());
        calls.Add(refused);

        // The exchange refuses: bob has not enabled futures. The error carries Binance's code.
        var planId = (await ferry.CallAsync("plan_transfer", new { amount = "1", asset = "USDT", from = "spot", to = "bob@example.com/usdm" })).Ok().Structured["planId"]!.GetValue<string>();
        var rejected = (await ferry.CallAsync("execute_plan", new { planId })).Failed("rejected");
        Assert.False(string.IsNullOrEmpty(rejected.Error["code"]?.GetValue<string>()), rejected.All);
        Assert.Equal("rejected", rejected.Structured["legs"]![0]!["outcome"]!.GetValue<string>());
        Assert.Contains($"(code {rejected.Error["code"]})", rejected.Text);
        calls.Add(rejected);

        foreach (var call in calls)
        {
            var message = call.Error["message"]!.GetValue<string>();
            Assert.EndsWith(".", message);
            Assert.DoesNotContain("\n", message);
            Assert.DoesNotContain("   at ", call.All);
            Assert.DoesNotContain("Exception", message);
        }
    }

    private static async Task<decimal> UsdmAsync(FerryMcpProcess ferry)
    {
        var rows = (await ferry.CallAsync("balances", new { subAccount = "master@example.com", wallet = "usdm" })).Ok().Structured["balances"]!.AsArray();
        return rows.Where(r => r!["asset"]!.GetValue<string>() == "USDT").Sum(r => decimal.Parse(r!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
