namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry accounts add</c> was given, as typed; what is missing is asked for in a terminal.</summary>
internal sealed record AccountAddOptions(
    string? Name, string? Environment, string? Signing, string? Venue, string? Email, string? Description, string? BaseAddress,
    string? KeyFile, string? PrivateKeyFile, bool FromEnv, string[]? SubAccounts, string? MasterEmail, bool Json);
