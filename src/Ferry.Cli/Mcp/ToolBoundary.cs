using Ferry.Engine.Accounts;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Core.Credentials;
using Ferry.Engine.Journal;
using Ferry.Engine.Plans;
using Ferry.Engine.Transfers;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>Bad tool input, said in one sentence before anything is opened or sent.</summary>
internal sealed class ToolInputException(string message) : Exception(message);

/// <summary>
/// Where every tool call enters and leaves Ferry: one call at a time (the embedded simulator's state file and the journal
/// serve one command at a time, as they do for the CLI), every exception turned into a tool error of one sentence (never
/// a stack trace), and every answer scrubbed of the configured credentials as a last line of defence.
/// </summary>
internal sealed class ToolBoundary(CliEnvironment process)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CallToolResult> RunAsync(string tool, Func<CancellationToken, Task<CallToolResult>> body, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        CallToolResult result;
        try
        {
            result = await body(ct);
        }
        catch (ConsentRefusedException e)
        {
            result = ToolResults.Error("refused", e.Message, details: e.Details);
        }
        catch (PlanUnavailableException e)
        {
            result = ToolResults.Error(e.Kind, e.Message);
        }
        catch (ToolInputException e)
        {
            result = ToolResults.Error("bad-input", e.Message);
        }
        catch (CliException e)
        {
            result = ToolResults.Error(ToolResults.KindOf(e.ExitCode), e.Message);
        }
        catch (AccountConfigException e)
        {
            result = ToolResults.Error("refused", e.Message);
        }
        catch (Exception e) when (e is ClaimHeldException or RoutePositionTakenException)
        {
            result = ToolResults.Error(ToolResults.KindOf(ExitCodes.InUse), e.Message);
        }
        catch (ClaimLostException e)
        {
            result = ToolResults.Error(ToolResults.KindOf(ExitCodes.Unknown), e.Message);
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException or Ferry.Engine.Service.TransferRefusedException
            or Ferry.Engine.Policy.PolicyRefusedException or Ferry.Engine.Policy.PolicyFileException)
        {
            result = ToolResults.Error(ToolResults.KindOf(ExitCodes.Refused), e.Message);
        }
        catch (Exception e) when (e is TransferPlanningException or FormatException)
        {
            result = ToolResults.Error("bad-input", e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = ToolResults.Error("interrupted", "The call was cancelled; a move already sent is in the journal, so check journal_list before trying again.");
        }
        catch (Exception e)
        {
            // A bug: say what kind in one sentence, never a stack trace.
            result = ToolResults.Error("internal", $"Unexpected internal error ({e.GetType().Name}): {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
        result = Scrub(result);
        process.Log.Info($"mcp tool {tool}: {(result.IsError == true ? "error" : "ok")}");
        return result;
    }

    /// <summary>Replaces every configured key and secret (and the embedded simulator's) by its masked form.</summary>
    private CallToolResult Scrub(CallToolResult result)
    {
        using var log = CliLog.Off;
        try
        {
            log.Protect(new AccountStore(FerryHome.FromEnvironment(process.GetEnvironmentVariable), process.GetEnvironmentVariable).Load());
        }
        catch (AccountConfigException)
        {
            // A broken configuration has no key to protect that a tool could have used.
        }
        log.Protect(new ApiCredentials(EmbeddedSimulator.ApiKey, new SecretText(EmbeddedSimulator.Secret), SigningKind.Hmac));
        var scrubbed = new CallToolResult { IsError = result.IsError, Content = [] };
        foreach (var block in result.Content)
            scrubbed.Content.Add(block is TextContentBlock text ? new TextContentBlock { Text = log.Scrub(text.Text) } : block);
        if (result.StructuredContent is { } structured)
            scrubbed.StructuredContent = System.Text.Json.JsonDocument.Parse(log.Scrub(structured.GetRawText())).RootElement.Clone();
        return scrubbed;
    }
}
