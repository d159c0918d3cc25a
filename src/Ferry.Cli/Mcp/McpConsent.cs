using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Cli.Output.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>
/// No mainnet change without the user's literal CONFIRM (design principle 7), for agents. When the client can elicit,
/// the server asks the user itself and accepts only an answer of exactly <c>CONFIRM</c>; otherwise the tool's
/// <c>confirmation</c> argument must be exactly <c>CONFIRM</c>, typed by the user and passed on by the agent.
/// </summary>
internal static class McpConsent
{
    public const string Word = Commands.MainnetConsent.Word;

    /// <summary>What every mutating tool's <c>confirmation</c> parameter says to the agent.</summary>
    public const string ParameterDescription =
        "Only for MAINNET accounts, and only when your client cannot show Ferry's own CONFIRM prompt: the exact text the USER typed after you showed them what will happen. Ask the user to type CONFIRM; never fill this in yourself. Omit it for simulator accounts.";

    /// <summary>Returns when the user consented; otherwise throws a refusal that says nothing was sent.</summary>
    public static async Task RequireAsync(McpServer server, string? confirmation, string summary, CancellationToken ct)
    {
        if (server.ClientCapabilities?.Elicitation is not null)
        {
            ElicitResult answer;
            try
            {
                answer = await server.ElicitAsync(new ElicitRequestParams
                {
                    Message = $"{summary} Type {Word} to proceed; anything else cancels.",
                    RequestedSchema = new ElicitRequestParams.RequestSchema
                    {
                        Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                        {
                            ["confirmation"] = new ElicitRequestParams.StringSchema
                            {
                                Title = "Type CONFIRM to proceed",
                                Description = "This acts on a MAINNET account with real money.",
                            },
                        },
                        Required = ["confirmation"],
                    },
                }, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ConsentRefusedException($"The user could not be asked to type {Word} ({e.GetType().Name}), so nothing was sent.", summary);
            }
            if (answer.IsAccepted && answer.Content?.TryGetValue("confirmation", out var typed) == true
                && typed.ValueKind == JsonValueKind.String && typed.GetString() == Word)
            {
                return;
            }

            throw new ConsentRefusedException(answer.IsAccepted
                ? $"The user did not type exactly {Word}, so nothing was sent."
                : $"The user {answer.Action}d the {Word} prompt, so nothing was sent.", summary);
        }

        if (confirmation == Word) return;
        throw new ConsentRefusedException(confirmation is null
            ? $"This acts on a MAINNET account: show the user what will happen (consent.summary), ask them to type {Word}, and call again with 'confirmation' set to exactly what they typed; never supply it yourself."
            : $"'confirmation' is not exactly {Word}, so nothing was sent; only the user's own {Word} consents.", summary);
    }
}

/// <summary>The user did not consent: a refusal whose details carry what they were asked to consent to.</summary>
internal sealed class ConsentRefusedException(string message, string summary) : Exception(message)
{
    public JsonObject Details =>
        JsonSerializer.SerializeToNode(new ConsentDetailsDocument(new ConsentDocument(Required: true, summary, Sent: false)), CliJsonContext.Default.ConsentDetailsDocument)!.AsObject();
}
