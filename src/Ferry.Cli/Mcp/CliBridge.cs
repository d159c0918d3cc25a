using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Cli.Output.Json;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// Runs a <c>ferry</c> verb in-process, exactly as the command line runs it with <c>--json</c>, and turns what it printed
/// into a tool result. The query and management tools are these verbs: the same validation before a session opens, the
/// same sessions, masking, consent and exit codes, and the JSON an agent sees is the CLI's documented <c>--json</c>
/// document. Nothing reaches the process's standard output: each run writes to its own buffers.
/// </summary>
internal sealed class CliBridge(CliEnvironment process, bool verbose = false)
{
    /// <summary>A per-call environment: private output buffers, no terminal (so nothing prompts), the process's variables and clock.</summary>
    public CliEnvironment Environment(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Error = error,
        In = TextReader.Null,
        IsInteractive = false,
        GetEnvironmentVariable = process.GetEnvironmentVariable,
        Time = process.Time,
        MainnetRedirectForTests = process.MainnetRedirectForTests,
        Requester = process.Requester,
    };

    /// <summary>
    /// Runs <paramref name="body"/> with a per-call environment whose log follows FERRY_LOG, as a command's does; its
    /// output buffers are dropped (the tools that use this build their own results).
    /// </summary>
    public async Task<T> WithEnvironmentAsync<T>(Func<CliEnvironment, Task<T>> body)
    {
        // Standard error takes only log lines here (with 'ferry mcp --verbose'); nothing prompts or prints.
        var env = Environment(TextWriter.Null, process.Error);
        env.Log = Output.CliLog.Open(env, verbose);
        try
        {
            return await body(env);
        }
        finally
        {
            env.Log.Dispose();
        }
    }

    public async Task<CallToolResult> RunAsync(IEnumerable<string> args, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await FerryApp.RunAsync([.. args, "--json", .. verbose ? ["--verbose"] : Array.Empty<string>()], Environment(output, error), ct);
        var said = new List<string>();
        foreach (var line in error.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Log lines (already scrubbed by the run's log) go on to the server's standard error; the rest is the error sentence.
            if (line.StartsWith("ferry[", StringComparison.Ordinal)) await process.Error.WriteLineAsync(line);
            else said.Add(line);
        }
        var document = Parse(output.ToString());
        if (exitCode == ExitCodes.Ok) return ToolResults.Ok(document ?? []);

        var exchangeError = document?["error"] as JsonObject;
        var code = exchangeError?["code"]?.ToString();
        var message = said.Count > 0 ? string.Join(" ", said)
            : document?["message"]?.GetValue<string>() ?? exchangeError?["message"]?.ToString() ?? $"ferry exited {exitCode}";
        if (exitCode == ExitCodes.Rejected && exchangeError is not null)
            message = $"The exchange refused it: {exchangeError["message"]}";
        var details = document ?? [];
        details.Remove("error");
        return ToolResults.Error(ToolResults.KindOf(exitCode), message, code, details);
    }

    private static JsonObject? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return ToolResults.Node(new CliOutputDocument(text.Trim()), CliJsonContext.Default.CliOutputDocument);
        }
    }

    /// <summary>
    /// One argument token for the command line. Refused when it could be read as an option or a response file
    /// (<c>-x</c>, <c>@file</c>): a tool argument is always a value, and no tool reads a file the agent names.
    /// </summary>
    public static string Value(string? value, string name)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw new ToolInputException($"'{name}' is empty; give a value.");
        if (text[0] is '-' or '@' || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new ToolInputException($"'{name}' value '{text}' is not valid here; it may not start with '-' or '@' or contain spaces.");
        return text;
    }

    /// <summary>Adds <c>--account NAME</c> when the agent named one.</summary>
    public static IEnumerable<string> Account(string? account) =>
        string.IsNullOrWhiteSpace(account) ? [] : ["--account", Value(account, "account")];

    /// <summary>A positional value when given.</summary>
    public static IEnumerable<string> Optional(string? value, string name) => value is null ? [] : [Value(value, name)];

    /// <summary>An option and its value when given.</summary>
    public static IEnumerable<string> Option(string option, string? value, string name) => value is null ? [] : [option, Value(value, name)];

    /// <summary>A numeric option when given.</summary>
    public static IEnumerable<string> Number(string option, int? value) =>
        value is { } n ? [option, n.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
}
