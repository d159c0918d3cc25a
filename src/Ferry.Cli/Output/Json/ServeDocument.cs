namespace Ferry.Cli.Output.Json;

/// <summary>The first line of <c>ferry serve --json</c>: where it listens, whether it serves the embedded simulator, how many API tokens are configured, and where the OpenAPI document is.</summary>
internal sealed record ServeDocument(string Listening, bool Simulator, int Tokens, string OpenApi);
