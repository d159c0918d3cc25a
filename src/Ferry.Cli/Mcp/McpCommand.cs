using System.CommandLine;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary><c>ferry mcp</c>: Ferry's tools for AI agents over the Model Context Protocol, on standard input and output.</summary>
internal static class McpCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ttl = new Option<string>("--plan-ttl")
        {
            Description = "How long a plan may wait for execute_plan: a whole number with s, m or h, 0s..24h (default 5m; 0s makes every plan expire at once).",
            DefaultValueFactory = _ => PlanStore.Ttl(PlanStore.DefaultTimeToLive),
        };
        var agent = new Option<string>("--agent")
        {
            Description = "The agent's name, as the transfer policy sees it (agent:NAME) and the journal records it (default: mcp).",
            DefaultValueFactory = _ => "mcp",
        };
        var command = new Command("mcp", "Serve Ferry's tools to an AI agent over MCP on standard input/output (JSON-RPC; logs go to standard error).") { ttl, agent };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(ttl)!, parse.GetValue(agent)!, parse.GetValue<bool>("--verbose"), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string ttlText, string agent, bool verbose, CancellationToken ct)
    {
        var ttl = PlanStore.ParseTtl(ttlText)
            ?? throw CliException.BadInput($"--plan-ttl '{ttlText}' is not a duration; write a whole number with s, m or h from 0s to 24h, e.g. 5m.");
        if (!Ferry.Engine.Policy.Requester.IsName(agent))
            throw CliException.BadInput("--agent must be 1-64 letters, digits, '.', '_', '-' or '@'.");
        // Every move this server runs is asked for by the agent, whatever tool or CLI verb carries it.
        env.Requester = Ferry.Engine.Policy.Requester.Agent(agent);

        // Standard output carries protocol messages only. The transport writes to the raw stream; anything written to
        // Console.Out by mistake (a library, a stray line) goes to standard error instead of corrupting the protocol.
        Console.SetOut(Console.Error);
        var context = new McpToolContext(env, new CliBridge(env, verbose), new ToolBoundary(env), new PlanStore(env.Time, ttl));
        await using var transport = new StdioServerTransport("ferry");
        await using var server = McpServer.Create(transport, FerryMcpServer.Options(context));
        env.Log.Info($"mcp: serving {context.Plans.TimeToLive} plans on stdio");
        try
        {
            await server.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // SIGINT/SIGTERM: a clean stop; any move already sent is in the journal.
        }
        return ExitCodes.Ok;
    }
}
