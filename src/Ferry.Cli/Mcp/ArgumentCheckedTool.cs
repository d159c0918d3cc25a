using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A tool whose arguments are checked against its input schema (<see cref="ToolArguments"/>) before the SDK binds them;
/// a call that breaks the schema gets the documented bad-input error instead of the SDK's bare failure.
/// </summary>
internal sealed class ArgumentCheckedTool(McpServerTool inner, CliEnvironment process) : DelegatingMcpServerTool(inner)
{
    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var problem = ToolArguments.Problem(ProtocolTool.Name, ProtocolTool.InputSchema, request.Params?.Arguments);
        if (problem is null) return base.InvokeAsync(request, cancellationToken);
        process.Log.Info($"mcp tool {ProtocolTool.Name}: error (arguments)");
        return ValueTask.FromResult(ToolResults.Error("bad-input", problem));
    }
}
