namespace Ferry.Cli.Output.Json;

/// <summary>The built-in demo scenario's master and its masked HMAC key.</summary>
internal sealed record SimServeDemoDocument(string Master, string ApiKey, string Signing);
