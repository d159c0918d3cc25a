using System.Text.Json;
using ModelContextProtocol.Client;

namespace Ferry.Cli.Soak;

/// <summary>
/// The soak's MCP participant: a real 'ferry mcp' server on the soak's FERRY_HOME, driven over stdio by the MCP SDK's
/// client as an agent would. It moves its own intents (plan_transfer, execute_plan; an unknown outcome is settled with
/// journal_reconcile before anything is planned again) and, between them, reconciles and resumes like a bystander.
/// </summary>
internal sealed class SoakMcpDriver(CliEnvironment env, SoakSupervision run, SoakProcessTally tally)
{
    private const int MaxRounds = 200;
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    public async Task RunAsync(IReadOnlyList<SoakRunner.Intent> intents, CancellationToken ct)
    {
        var self = SoakSupervisor.ChildStart(["mcp"]);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "ferry",
            Command = self.FileName,
            Arguments = [.. self.ArgumentList],
            EnvironmentVariables = new Dictionary<string, string?> { ["FERRY_HOME"] = run.Home, ["FERRY_LOG"] = null },
            StandardErrorLines = line => env.Log.Debug($"soak mcp: {line}"),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        // The SDK's discover probe gives up after 5 s and falls back to 'initialize', which a 2026-07-28 server refuses:
        // a cold start of the server on a busy machine can take longer, so the probe waits as long as it takes.
        var options = new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan };
        await using var client = await McpClient.CreateAsync(transport, options, cancellationToken: ct);
        for (var i = 0; i < intents.Count; i++)
        {
            await MoveAsync(client, intents[i], ct);
            if (i % 5 == 4)
            {
                await CallAsync(client, "journal_reconcile", new() { ["wait"] = false }, ct);
                await CallAsync(client, "journal_resume", new() { ["id"] = "latest" }, ct);
            }
        }
    }

    /// <summary>Drives one intent to done: never plans it again while an earlier attempt may have executed.</summary>
    private async Task MoveAsync(McpClient client, SoakRunner.Intent intent, CancellationToken ct)
    {
        string? pending = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            if (pending is not null)
            {
                await CallAsync(client, "journal_reconcile", new() { ["id"] = pending, ["wait"] = true }, ct);
                var shown = await CallAsync(client, "journal_show", new() { ["id"] = pending }, ct);
                var state = shown.TryGetProperty("entry", out var entry) ? entry.GetProperty("state").GetString() : null;
                if (state == "done") return;
                if (state is "rejected" or "not-executed") pending = null;
                else await Task.Delay(TimeSpan.FromMilliseconds(100), ct); // still unknown (or held by another process)
                continue;
            }
            var plan = await CallAsync(client, "plan_transfer", new()
            {
                ["amount"] = intent.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["asset"] = "USDT",
                ["from"] = intent.From, ["to"] = intent.To, ["account"] = "soak",
            }, ct);
            if (!plan.TryGetProperty("planId", out var planId)) continue;
            var executed = await CallAsync(client, "execute_plan", new() { ["planId"] = planId.GetString() }, ct);
            if (!executed.TryGetProperty("legs", out var legs) || legs.GetArrayLength() == 0) continue;
            var leg = legs[0];
            switch (leg.GetProperty("outcome").GetString())
            {
                case "done":
                    return;
                case "sending" or "unknown":
                    pending = leg.GetProperty("journalId").GetString();
                    break;
            }
        }
        throw CliException.Refused($"The soak's MCP participant could not settle {intent.Key} in {MaxRounds} rounds.");
    }

    /// <summary>Calls a tool; returns its structured content (an error's too) and tallies how it ended.</summary>
    private async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken ct)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: ct);
        var structured = result.StructuredContent ?? default;
        var kind = result.IsError == true && structured.ValueKind == JsonValueKind.Object && structured.TryGetProperty("error", out var error)
            ? error.GetProperty("kind").GetString() ?? "error"
            : result.IsError == true ? "error" : "ok";
        tally.Ended($"mcp-{tool}", kind);
        if (kind == "internal") await env.Error.WriteLineAsync($"soak: MCP {tool} answered an internal error: {structured}");
        else if (kind != "ok") env.Log.Debug($"soak mcp {tool}: {kind}: {structured}");
        if (kind is not ("ok" or "unknown") && Environment.GetEnvironmentVariable("FERRY_SOAK_TRACE") == "1")
            await env.Error.WriteLineAsync($"mcp {tool}: {structured}");
        return structured.ValueKind == JsonValueKind.Object ? structured : Empty;
    }
}
