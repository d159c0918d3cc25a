namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed assets EMAIL</c>.</summary>
internal sealed record ManagedAssetsOptions(string? Email, bool Json, string? Account);
