using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Ferry.Core.Product;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>What every tool group shares: the process environment, the CLI bridge, the tool boundary and the plan store.</summary>
internal sealed record McpToolContext(CliEnvironment Process, CliBridge Bridge, ToolBoundary Boundary, PlanStore Plans);

/// <summary>
/// Ferry's MCP server: the tool groups of this folder over one transport. The tools are found by their
/// <see cref="McpServerToolAttribute"/>; each declares its input (its parameters, described) and output
/// (<see cref="ToolOutputAttribute"/>) schema.
/// </summary>
internal static class FerryMcpServer
{
    public const string Instructions =
        "Ferry moves assets between exchange accounts exactly once. Read with the query tools; to move, call plan_transfer, plan_sweep or plan_rebalance (they send nothing), show the user the legs or moves, then execute_plan with the plan id. " +
        "Plans expire and run once. A MAINNET move or change needs the user's own CONFIRM: Ferry asks the user itself when your client supports elicitation; otherwise ask the user to type CONFIRM and pass exactly that as 'confirmation' — never supply it yourself. " +
        "Keys are never shown; accounts are listed by name and environment only.";

    public static McpServerOptions Options(McpToolContext context)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "ferry", Version = FerryProduct.Version },
            ServerInstructions = Instructions,
            ToolCollection = [],
        };
        foreach (var tool in Tools(context)) options.ToolCollection.Add(tool);
        return options;
    }

    /// <summary>Every tool of every group, in a stable order.</summary>
    public static IEnumerable<McpServerTool> Tools(McpToolContext context) =>
    [
        .. GroupTools(new AccountTools(context), context),
        .. GroupTools(new TransferTools(context), context),
        .. GroupTools(new SweepTools(context), context),
        .. GroupTools(new HistoryTools(context), context),
        .. GroupTools(new ApprovalTools(context), context),
        .. GroupTools(new SubAccountTools(context), context),
        .. GroupTools(new ManagedTools(context), context),
    ];

    /// <summary>
    /// The tool methods of one group. The group's type is named statically and its public methods are kept (the
    /// annotation), so the trimmed Native AOT build still finds and invokes them.
    /// </summary>
    private static IEnumerable<McpServerTool> GroupTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TGroup>(TGroup group, McpToolContext context)
        where TGroup : class
    {
        foreach (var method in typeof(TGroup).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (method.GetCustomAttribute<McpServerToolAttribute>() is null) continue;
            var output = method.GetCustomAttribute<ToolOutputAttribute>()
                ?? throw new InvalidOperationException($"Tool method {method.Name} declares no [ToolOutput].");
            if (method.GetCustomAttribute<DescriptionAttribute>() is null)
                throw new InvalidOperationException($"Tool method {method.Name} has no [Description].");
            var tool = McpServerTool.Create(method, group, new McpServerToolCreateOptions { SerializerOptions = McpJson.Options });
            // The tools return CallToolResult (so they choose isError themselves); the SDK cannot infer an output
            // schema from that, so each declares its own.
            tool.ProtocolTool.OutputSchema = output.Schema();
            yield return new ArgumentCheckedTool(tool, context.Process);
        }
    }
}
