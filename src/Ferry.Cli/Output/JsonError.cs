using Ferry.Cli.Output.Json;

namespace Ferry.Cli.Output;

/// <summary>
/// A failure as the one JSON document <c>--json</c> promises: <c>{"error":{"kind","code","message"}}</c>, the same
/// shape as an MCP tool error, so a script reads standard output whether the command worked or not.
/// </summary>
internal static class JsonError
{
    /// <summary>The document for a failure that ends with <paramref name="exitCode"/>; <paramref name="code"/> is the exchange's, when it refused.</summary>
    public static string For(int exitCode, string sentence, string? code = null) =>
        CompactJson.Serialize(new ErrorDocument(new ErrorDetailDocument(ExitCodes.ErrorKind(exitCode), code, sentence)), CliJsonContext.Default.ErrorDocument);
}
