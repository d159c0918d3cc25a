using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Ferry.Interop.Tests;

/// <summary>One HTTP request exactly as a client sent it (captured by node/capture-proxy.mjs), and the answer.</summary>
public sealed record WireRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers,
    string Body, int Status, string Response)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var headers = string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value}"));
        return $"{Method} {Path}?{Query}\n      headers: {headers}\n      body: '{Body}'\n      -> HTTP {Status} {Response}";
    }
}

/// <summary>One step the node driver printed: which client and key did what, and how it ended.</summary>
public sealed record ClientStep(string Client, string Key, string Step, string Type, string Outcome, int? Code, int? Http,
    string? TranId, IReadOnlyList<string> Ids, IReadOnlyList<WireRequest> Wire, string Message)
{
    /// <summary>A balance read's totals as the client reported them: asset (or symbol:asset) to amount text.</summary>
    public IReadOnlyDictionary<string, string> Balances { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the client call returned normally.</summary>
    public bool Ok => Outcome == "ok";

    /// <summary>A human-readable account for assertion messages, including every request on the wire.</summary>
    public string Describe() =>
        $"{Client}/{Key} {Step} {Type}: {Outcome}" + (Code is null ? "" : $" code {Code} (HTTP {Http})") +
        (Message.Length > 0 ? $" — {Message}" : "") +
        string.Concat(Wire.Select(w => "\n    " + w));
}

/// <summary>Runs <c>node interop.mjs scenario client key</c> with a bounded timeout and parses its JSON lines.</summary>
internal static class NodeDriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<IReadOnlyList<ClientStep>> RunAsync(Uri simulator, string scenario, string client, string key,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var start = new ProcessStartInfo(NodeEnvironment.NodeExecutable)
        {
            WorkingDirectory = NodeEnvironment.NodeDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "interop.mjs", scenario, client, key }) start.ArgumentList.Add(arg);
        foreach (var (name, value) in TestKeys.Instance.Environment(simulator)) start.Environment[name] = value;
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var cts = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail($"node interop.mjs {scenario} {client} {key} did not finish within {Timeout.TotalSeconds} s and was killed.\n" +
                            $"stdout:\n{await stdout}\nstderr:\n{await stderr}");
            }
        }
        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            Assert.Fail($"node interop.mjs {scenario} {client} {key} exited with {process.ExitCode}.\nstdout:\n{output}\nstderr:\n{errors}");
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse).ToList();
    }

    private static ClientStep Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        string Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
        int? Int(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

        var wire = root.TryGetProperty("wire", out var w)
            ? w.EnumerateArray().Select(r => new WireRequest(
                Str(r, "method"), Str(r, "path"), Str(r, "query"),
                r.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString() ?? ""),
                Str(r, "body"), r.TryGetProperty("status", out var s) ? s.GetInt32() : 0, Str(r, "response"))).ToList()
            : [];
        var ids = root.TryGetProperty("ids", out var i) ? i.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return new ClientStep(Str(root, "client"), Str(root, "key"), Str(root, "step"), Str(root, "type"), Str(root, "outcome"),
            Int("code"), Int("http"), root.TryGetProperty("tranId", out var t) ? t.GetString() : null, ids, wire, Str(root, "message"))
        {
            Balances = root.TryGetProperty("balances", out var b)
                ? b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>(),
        };
    }
}
