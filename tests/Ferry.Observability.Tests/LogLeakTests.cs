using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Ferry.Observability.Tests;

/// <summary>
/// The leak scan over logs: every line (every category, every level, message and structured values) of a full run —
/// transfers, a sweep, a lost answer reconciled, a 429, a rejection and a wrong secret — holds no key, no secret and no
/// signature, and the clients' and the engine's lines carry their stable event ids.
/// </summary>
public sealed partial class LogLeakTests
{
    [Fact]
    public async Task No_log_line_of_a_full_run_holds_a_key_a_secret_or_a_signature()
    {
        using var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using (var run = new FerryRun())
        {
            await run.RunAsync(loggers, CancellationToken.None);
        }

        var lines = logs.Lines;
        // The scan saw the run: answers, outcomes, legs, the unknown leg, its reconciliation and the 429.
        foreach (var id in new[] { 2001, 2003, 2004, 2005, 2101, 2104, 1004, 1005, 1006 })
            Assert.Contains(lines, l => l.EventId == id);

        foreach (var line in lines)
        {
            foreach (var secret in FerryRun.Secrets)
                Assert.DoesNotContain(secret, line.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("signature=", line.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccessKeyId", line.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(HexSignature(), line.Text);
            Assert.DoesNotMatch(Base64Signature(), line.Text);
        }
    }

    [Fact]
    public async Task The_old_request_callback_still_hears_every_answer_beside_the_logger()
    {
        using var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        await using var host = await Ferry.Simulator.SimulatorHost.StartAsync(
            new Ferry.Simulator.SimulatorOptions { Scenario = Ferry.Simulator.Scenario.ScenarioDocument.Demo() }, CancellationToken.None);
        var heard = new List<string>();
        using var client = new Ferry.Binance.BinanceClient(
            new Ferry.Core.Credentials.ApiCredentials(Ferry.Simulator.Scenario.ScenarioDocument.DemoApiKey,
                new Ferry.Core.Credentials.SecretText(Ferry.Simulator.Scenario.ScenarioDocument.DemoSecret), Ferry.Core.Credentials.SigningKind.Hmac),
            new Ferry.Binance.BinanceClientOptions { BaseAddress = host.BaseAddress, RequestLog = heard.Add, Logger = loggers.CreateLogger("test") });

        await client.General.GetServerTimeAsync(CancellationToken.None);

        Assert.Equal(heard.Count, logs.Lines.Count(l => l.EventId == 2001));
        Assert.StartsWith("GET /api/v3/time -> HTTP 200", Assert.Single(heard), StringComparison.Ordinal);
    }

    // An HMAC-SHA256 signature in hex, and an HTX signature (base64 of 32 bytes).
    [GeneratedRegex("[0-9a-fA-F]{64}")]
    private static partial Regex HexSignature();

    [GeneratedRegex("[A-Za-z0-9+/]{43}=")]
    private static partial Regex Base64Signature();
}
