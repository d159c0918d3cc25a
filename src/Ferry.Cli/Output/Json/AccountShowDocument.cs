namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry accounts show</c>: one account with its key masked (API key first 5 + last 4, secret *** + last 5).</summary>
internal sealed record AccountShowDocument(
    string Account, string Venue, string Environment, string BaseAddress, string? Email, string? Description,
    string Signing, string ApiKey, string Secret, string KeySource);
