using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Ferry.Cli;
using Ferry.Cli.Mcp;
using Ferry.Simulator;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Ferry.Simulator.Scenario;

namespace Ferry.Mcp.Tests;

/// <summary>
/// plan_sweep and execute_plan for sweeps. On the real 'ferry mcp' process with the embedded simulator (demo: alice
/// holds 500 USDT in spot, bob nothing): planning reads and sends nothing, executing moves the money once into the
/// master's spot, a replay and an expired plan are refused. The mainnet CONFIRM rule runs the same server in-process,
/// because planning a sweep reads balances: the real process would read a mainnet account's balances from
/// api.binance.com, while in-process the test-only mainnet redirect points that account at a loopback simulator.
/// </summary>
public sealed class SweepToolTests
{
    [Fact]
    public async Task A_sweep_plan_sends_nothing_and_executing_it_moves_alice_500_into_the_masters_spot_once()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        var masterBefore = await SpotAsync(ferry, "master@example.com");
        Assert.Equal(500m, await SpotAsync(ferry, "alice@example.com"));

        var plan = (await ferry.CallAsync("plan_sweep", new { asset = "usdt", to = "spot" })).Ok().Structured;
        Assert.Equal("sweep", plan["kind"]!.GetValue<string>());
        Assert.False(plan["sent"]!.GetValue<bool>());
        Assert.False(plan["needsConfirmation"]!.GetValue<bool>());
        Assert.Equal("USDT", plan["request"]!["asset"]!.GetValue<string>());
        var move = Assert.Single(plan["moves"]!.AsArray())!;
        Assert.Equal("m1", move["moveId"]!.GetValue<string>());
        Assert.Equal("alice@example.com/spot", move["from"]!.GetValue<string>());
        Assert.Equal("spot", move["to"]!.GetValue<string>());
        Assert.Equal("500", move["amount"]!.GetValue<string>());
        var leg = Assert.Single(move["legs"]!.AsArray())!;
        Assert.StartsWith("POST /sapi/", leg["endpoint"]!.GetValue<string>());
        Assert.Equal("embedded-sim", leg["account"]!.GetValue<string>());
        Assert.Equal("sim", leg["environment"]!.GetValue<string>());
        Assert.True(leg["uidWeight"]!.GetValue<int>() > 0 || leg["ipWeight"]!.GetValue<int>() > 0);
        Assert.Equal(leg["uidWeight"]!.GetValue<int>(), plan["uidWeight"]!.GetValue<int>());
        var skipped = Assert.Single(plan["skipped"]!.AsArray())!;
        Assert.Equal("bob@example.com/spot", skipped["from"]!.GetValue<string>());
        Assert.Contains("holds no free USDT", skipped["reason"]!.GetValue<string>());

        // Planning sent nothing: balances as before, no journal entry.
        Assert.Equal(500m, await SpotAsync(ferry, "alice@example.com"));
        Assert.Equal(masterBefore, await SpotAsync(ferry, "master@example.com"));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());

        var planId = plan["planId"]!.GetValue<string>();
        var executed = (await ferry.CallAsync("execute_plan", new { planId })).Ok().Structured;
        Assert.Equal("sweep", executed["kind"]!.GetValue<string>());
        Assert.Equal("done", executed["outcome"]!.GetValue<string>());
        var result = Assert.Single(executed["moves"]!.AsArray())!;
        Assert.Equal("done", result["outcome"]!.GetValue<string>());
        var journalId = Assert.Single(result["journalIds"]!.AsArray())!.GetValue<string>();
        Assert.True(Assert.Single(result["tranIds"]!.AsArray())!.GetValue<long>() > 0);
        Assert.Equal(1, executed["summary"]!["done"]!.GetValue<int>());
        Assert.Equal(1, executed["summary"]!["skipped"]!.GetValue<int>());
        Assert.Equal(0m, await SpotAsync(ferry, "alice@example.com"));
        Assert.Equal(masterBefore + 500m, await SpotAsync(ferry, "master@example.com"));

        var replay = (await ferry.CallAsync("execute_plan", new { planId })).Failed("replayed");
        Assert.Contains(planId, replay.Error["message"]!.GetValue<string>());
        Assert.Equal(masterBefore + 500m, await SpotAsync(ferry, "master@example.com"));
        var entry = Assert.Single((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray())!;
        Assert.Equal(journalId, entry["id"]!.GetValue<string>());
        Assert.Equal("done", entry["state"]!.GetValue<string>());

        // Alice is empty now: a new plan has nothing to move, and running it sends nothing.
        var again = (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", from = new[] { "alice@example.com" } })).Ok().Structured;
        Assert.Empty(again["moves"]!.AsArray());
        var nothing = (await ferry.CallAsync("execute_plan", new { planId = again["planId"]!.GetValue<string>() })).Ok().Structured;
        Assert.Equal(0, nothing["summary"]!["planned"]!.GetValue<int>());
        Assert.Single((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
    }

    [Fact]
    public async Task Keep_and_min_plan_as_the_cli_does_and_bad_input_is_one_sentence_before_anything_opens()
    {
        await using var ferry = await FerryMcpProcess.StartAsync(arguments: ["--plan-ttl", "0s"]);
        var kept = (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", keep = "100", fromAllSubaccounts = true })).Ok().Structured;
        Assert.Equal("400", Assert.Single(kept["moves"]!.AsArray())!["amount"]!.GetValue<string>());
        var below = (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", min = "600" })).Ok().Structured;
        Assert.Empty(below["moves"]!.AsArray());
        Assert.Contains(below["skipped"]!.AsArray(), s => s!["reason"]!.GetValue<string>().Contains("below --min 600", StringComparison.Ordinal));

        // --plan-ttl 0s: the plan has expired when execute_plan reads the clock; nothing moves.
        var expired = (await ferry.CallAsync("execute_plan", new { planId = kept["planId"]!.GetValue<string>() })).Failed("expired");
        Assert.Contains("expired", expired.Error["message"]!.GetValue<string>());
        Assert.Equal(500m, await SpotAsync(ferry, "alice@example.com"));

        var bad = new[]
        {
            (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", fromAllSubaccounts = true, from = new[] { "alice@example.com" } })).Failed("bad-input"),
            (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", min = "abc" })).Failed("bad-input"),
            (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", wallet = "options" })).Failed("bad-input"),
            (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "spot", from = new[] { "not-an-email" } })).Failed("bad-input"),
            (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "nowhere" })).Failed("bad-input"),
        };
        foreach (var call in bad)
        {
            var message = call.Error["message"]!.GetValue<string>();
            Assert.EndsWith(".", message);
            Assert.DoesNotContain("\n", message);
            Assert.DoesNotContain("Exception", message);
        }
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());
    }

    [Fact]
    public async Task A_move_the_exchange_refuses_is_a_tool_error_with_its_code_and_the_results_in_the_details()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        // Bob has not enabled futures in the demo scenario: the leg into his USDⓈ-M wallet is refused.
        var plan = (await ferry.CallAsync("plan_sweep", new { asset = "USDT", to = "bob@example.com/usdm" })).Ok().Structured;
        Assert.Single(plan["moves"]!.AsArray());
        var failed = (await ferry.CallAsync("execute_plan", new { planId = plan["planId"]!.GetValue<string>() })).Failed("rejected");
        var message = failed.Error["message"]!.GetValue<string>();
        Assert.StartsWith("0 of 1 move(s) done", message);
        Assert.EndsWith(".", message);
        Assert.DoesNotContain("\n", message);
        var code = failed.Error["code"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(code));
        Assert.Contains($"(code {code})", failed.Text);
        var move = Assert.Single(failed.Structured["moves"]!.AsArray())!;
        Assert.Equal("rejected", move["outcome"]!.GetValue<string>());
        Assert.Equal(code, move["error"]!["code"]!.GetValue<string>());
        Assert.NotEmpty(move["journalIds"]!.AsArray());
        Assert.Equal(1, failed.Structured["summary"]!["rejected"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_rebalance_plan_from_yaml_text_sends_nothing_and_executing_it_reaches_the_targets_once()
    {
        await using var ferry = await FerryMcpProcess.StartAsync();
        const string Targets = "assets:\n  USDT:\n    alice@example.com/spot: 100\n    bob@example.com/spot: rest\n";
        var plan = (await ferry.CallAsync("plan_rebalance", new { targets = Targets })).Ok().Structured;
        Assert.Equal("rebalance", plan["kind"]!.GetValue<string>());
        Assert.False(plan["sent"]!.GetValue<bool>());
        Assert.Equal("rest", plan["request"]!["assets"]!["USDT"]!["bob@example.com/spot"]!.GetValue<string>());
        var move = Assert.Single(plan["moves"]!.AsArray())!;
        Assert.Equal("alice@example.com/spot", move["from"]!.GetValue<string>());
        Assert.Equal("bob@example.com/spot", move["to"]!.GetValue<string>());
        Assert.Equal("400", move["amount"]!.GetValue<string>());
        Assert.NotEmpty(move["legs"]!.AsArray());
        Assert.Equal(0m, await SpotAsync(ferry, "bob@example.com"));
        Assert.Empty((await ferry.CallAsync("journal_list")).Ok().Structured["entries"]!.AsArray());

        var planId = plan["planId"]!.GetValue<string>();
        var executed = (await ferry.CallAsync("execute_plan", new { planId })).Ok().Structured;
        Assert.Equal("done", executed["outcome"]!.GetValue<string>());
        Assert.Equal(100m, await SpotAsync(ferry, "alice@example.com"));
        Assert.Equal(400m, await SpotAsync(ferry, "bob@example.com"));
        (await ferry.CallAsync("execute_plan", new { planId })).Failed("replayed");
        Assert.Equal(400m, await SpotAsync(ferry, "bob@example.com"));

        // The argument is YAML text, never a path: a file name is just text that is not a plan.
        var path = (await ferry.CallAsync("plan_rebalance", new { targets = "/etc/passwd" })).Failed("bad-input");
        Assert.DoesNotContain("root:", path.All);
        var bad = (await ferry.CallAsync("plan_rebalance", new { targets = "assets:\n  USDT:\n    alice@example.com/spot: lots\n" })).Failed("bad-input");
        Assert.Contains("line 3", bad.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mainnet_sweep_plan_needs_the_users_CONFIRM_before_anything_is_sent_and_then_runs_once()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        var home = FerryMcpProcess.NewHome($$"""
            {"accounts": [{"name": "main", "environment": "mainnet", "email": "master@example.com",
              "apiKey": "{{ScenarioDocument.DemoApiKey}}", "secret": "{{ScenarioDocument.DemoSecret}}"}]}
            """);
        var env = new CliEnvironment
        {
            Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null, IsInteractive = false,
            GetEnvironmentVariable = name => name == "FERRY_HOME" ? home : null,
            MainnetRedirectForTests = host.BaseAddress,
        };
        await using var server = await InProcessServer.StartAsync(env);
        decimal Spot(string owner) => host.Balances(owner).Where(b => b.Wallet == "SPOT" && b.Asset == "USDT").Sum(b => b.Amount);
        var masterBefore = Spot("master@example.com");

        var plan = (await server.CallAsync("plan_sweep", new { asset = "USDT", to = "spot" })).Ok().Structured;
        Assert.True(plan["needsConfirmation"]!.GetValue<bool>());
        Assert.Equal("mainnet", plan["target"]!["environment"]!.GetValue<string>());
        Assert.Equal("mainnet", plan["moves"]![0]!["legs"]![0]!["environment"]!.GetValue<string>());
        var planId = plan["planId"]!.GetValue<string>();

        var refused = (await server.CallAsync("execute_plan", new { planId })).Failed("refused");
        Assert.Contains("ask them to type CONFIRM", refused.Error["message"]!.GetValue<string>());
        var summary = refused.Structured["consent"]!["summary"]!.GetValue<string>();
        Assert.Contains("MAINNET", summary);
        Assert.Contains("500 USDT", summary);
        foreach (var wrong in new[] { "confirm", "CONFIRM ", "yes" })
            (await server.CallAsync("execute_plan", new { planId, confirmation = wrong })).Failed("refused");
        Assert.Equal(500m, Spot("alice@example.com"));
        Assert.Equal(masterBefore, Spot("master@example.com"));
        Assert.Empty((await server.CallAsync("journal_list", new { })).Ok().Structured["entries"]!.AsArray());

        // A refused CONFIRM does not use the plan up; the user's CONFIRM runs it, once.
        var executed = (await server.CallAsync("execute_plan", new { planId, confirmation = "CONFIRM" })).Ok().Structured;
        Assert.Equal("done", executed["outcome"]!.GetValue<string>());
        Assert.Equal(0m, Spot("alice@example.com"));
        Assert.Equal(masterBefore + 500m, Spot("master@example.com"));
        (await server.CallAsync("execute_plan", new { planId, confirmation = "CONFIRM" })).Failed("replayed");
        Assert.Equal(masterBefore + 500m, Spot("master@example.com"));
    }

    private static async Task<decimal> SpotAsync(FerryMcpProcess ferry, string owner)
    {
        var rows = (await ferry.CallAsync("balances", new { subAccount = owner, wallet = "spot" })).Ok().Structured["balances"]!.AsArray();
        return rows.Where(r => r!["asset"]!.GetValue<string>() == "USDT").Sum(r => decimal.Parse(r!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    /// <summary>Ferry's MCP server in this process (same tools, boundary and plan store as 'ferry mcp') over in-memory pipes,
    /// for an environment the real process cannot have: a mainnet account redirected to a loopback simulator.</summary>
    private sealed class InProcessServer : IAsyncDisposable
    {
        private readonly McpServer _server;
        private readonly Task _running;
        private readonly CancellationTokenSource _stop;
        private readonly string _home;

        private InProcessServer(McpServer server, Task running, CancellationTokenSource stop, McpClient client, string home)
        {
            _server = server;
            _running = running;
            _stop = stop;
            Client = client;
            _home = home;
        }

        public McpClient Client { get; }

        public static async Task<InProcessServer> StartAsync(CliEnvironment env)
        {
            var toServer = new Pipe();
            var toClient = new Pipe();
            var context = new McpToolContext(env, new CliBridge(env), new ToolBoundary(env), new PlanStore(env.Time, PlanStore.DefaultTimeToLive));
            var server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream(), "ferry"), FerryMcpServer.Options(context));
            var stop = new CancellationTokenSource();
            var running = server.RunAsync(stop.Token);
            var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()));
            return new InProcessServer(server, running, stop, client, env.GetEnvironmentVariable("FERRY_HOME")!);
        }

        public async Task<ToolCall> CallAsync(string tool, object arguments)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
            return new ToolCall(tool, await Client.CallToolAsync(tool, args, cancellationToken: timeout.Token));
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
            await _server.DisposeAsync();
            Directory.Delete(_home, recursive: true);
        }
    }
}
