namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub status [EMAIL]</c>: one sub-account, or all when <see cref="Email"/> is null.</summary>
internal sealed record SubAccountStatusOptions(string? Email, bool Json, string? Account);
