using System.Diagnostics;
using System.Text.Json;

namespace Ferry.Mcp.Tests;

/// <summary>
/// Standard output carries MCP messages only: the raw pipe is read line by line while the server opens the embedded
/// simulator, the journal and a session (balances, plan, execute), and every line must be a JSON-RPC message.
/// </summary>
public sealed class StdoutTests
{
    [Fact]
    public async Task Every_line_on_standard_output_is_a_json_rpc_message_while_sessions_and_the_embedded_simulator_open()
    {
        var home = FerryMcpProcess.NewHome();
        var start = new ProcessStartInfo("dotnet", [FerryMcpProcess.FerryDll, "mcp", "--verbose"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FERRY_HOME"] = home;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var lines = new List<string>();
        try
        {
            async Task<JsonElement> RequestAsync(int id, string method, string parameters)
            {
                await process.StandardInput.WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
                await process.StandardInput.FlushAsync();
                while (true)
                {
                    var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new Xunit.Sdk.XunitException("ferry mcp closed standard output");
                    lines.Add(line);
                    using var message = JsonDocument.Parse(line); // throws on anything that is not JSON
                    Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
                    if (message.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
                        return message.RootElement.Clone();
                }
            }

            await RequestAsync(1, "initialize", """{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}""");
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            var balances = await RequestAsync(2, "tools/call", """{"name":"balances","arguments":{}}""");
            Assert.False(balances.GetProperty("result").GetProperty("isError").GetBoolean());
            var plan = await RequestAsync(3, "tools/call", """{"name":"plan_transfer","arguments":{"amount":"1","asset":"USDT","from":"spot","to":"funding"}}""");
            var planId = plan.GetProperty("result").GetProperty("structuredContent").GetProperty("planId").GetString();
            var executed = await RequestAsync(4, "tools/call", $$$"""{"name":"execute_plan","arguments":{"planId":"{{{planId}}}"}}""");
            Assert.False(executed.GetProperty("result").GetProperty("isError").GetBoolean(), executed.ToString());
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(20_000)) process.Kill(entireProcessTree: true);
            Directory.Delete(home, recursive: true);
        }
        Assert.Equal(0, process.ExitCode);
        Assert.True(lines.Count >= 4);
        // The logs were there, on standard error.
        Assert.Contains("ferry[debug]: http POST /sapi/v1/asset/transfer", await stderr);
    }
}
