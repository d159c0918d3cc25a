using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Ferry.Mcp.Tests;

/// <summary>
/// The real <c>ferry mcp</c> process (<c>dotnet ferry.dll mcp</c>, built beside the tests) with a private FERRY_HOME,
/// driven over its stdio pipe by the MCP SDK's own client.
/// </summary>
internal sealed class FerryMcpProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private FerryMcpProcess(string home, McpClient client, ConcurrentQueue<string> stderr)
    {
        Home = home;
        Client = client;
        _stderr = stderr;
    }

    public string Home { get; }
    public McpClient Client { get; }

    /// <summary>What the server wrote to standard error (logs only; never a protocol message).</summary>
    public string StandardError => string.Join("\n", _stderr);

    /// <summary>The built CLI: ferry.dll is copied next to the test assembly by the project reference.</summary>
    public static string FerryDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
            Assert.True(File.Exists(path), $"ferry.dll is not next to the tests ({path}); the ProjectReference to src/Ferry.Cli builds and copies it.");
            return path;
        }
    }

    /// <summary>A fresh FERRY_HOME, optionally with an accounts.json (owner-only, as Ferry writes it).</summary>
    public static string NewHome(string? accountsJson = null)
    {
        var home = Directory.CreateTempSubdirectory("ferry-mcp-").FullName;
        if (accountsJson is null) return home;
        var path = Path.Combine(home, "accounts.json");
        File.WriteAllText(path, accountsJson);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return home;
    }

    /// <summary>Starts the server; <paramref name="environment"/> adds variables to (or, with null, removes them from)
    /// the child's environment only, never the test process's.</summary>
    public static async Task<FerryMcpProcess> StartAsync(string? home = null, string[]? arguments = null,
        Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        home ??= NewHome();
        var process = new ConcurrentQueue<string>();
        var variables = new Dictionary<string, string?> { ["FERRY_HOME"] = home, ["FERRY_LOG"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) variables[name] = value;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "ferry",
            Command = "dotnet",
            Arguments = [FerryDll, "mcp", .. arguments ?? []],
            EnvironmentVariables = variables,
            StandardErrorLines = process.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        // The server speaks 2026-07-28, so the discover probe succeeds once the process is up; the SDK's 5 s probe timeout
        // fell back to 'initialize' (which a 2026-07-28 server refuses) when a cold start on a loaded machine took longer.
        var options = new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan };
        if (elicitation is not null) options.Handlers = new McpClientHandlers { ElicitationHandler = elicitation };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token);
        return new FerryMcpProcess(home, client, process);
    }

    /// <summary>Calls a tool; the result's structured content as a JSON object (null when there is none).</summary>
    public async Task<ToolCall> CallAsync(string tool, object? arguments = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var args = arguments is null ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        var result = await Client.CallToolAsync(tool, args, cancellationToken: timeout.Token);
        return new ToolCall(tool, result);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // The child may still be closing a file; the temp folder is left behind then.
        }
    }
}

/// <summary>One tool call's result: its error flag, structured content and text.</summary>
internal sealed record ToolCall(string Tool, CallToolResult Result)
{
    public bool IsError => Result.IsError == true;

    public JsonObject Structured => Result.StructuredContent is { } s
        ? JsonNode.Parse(s.GetRawText())!.AsObject()
        : throw new Xunit.Sdk.XunitException($"{Tool} returned no structured content: {Text}");

    public string Text => string.Join("\n", Result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Everything the client received, for leak scans.</summary>
    public string All => Text + "\n" + (Result.StructuredContent?.GetRawText() ?? "");

    public JsonObject Error => Structured["error"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{Tool} returned no error: {All}");

    public ToolCall Ok()
    {
        Assert.False(IsError, $"{Tool} failed: {All}");
        return this;
    }

    public ToolCall Failed(string kind)
    {
        Assert.True(IsError, $"{Tool} did not fail: {All}");
        Assert.Equal(kind, Error["kind"]!.GetValue<string>());
        return this;
    }
}
