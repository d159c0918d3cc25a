namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed log [EMAIL]</c>: whose key reads it, how many days, and the direction and account-type filters.</summary>
internal sealed record ManagedLogOptions(string? Email, string? Role, int Days, string? Direction, string? AccountType, bool Json, string? Account);
