namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub stats [EMAIL]</c>: one sub-account, or the master's view when <see cref="Email"/> is null.</summary>
internal sealed record SubAccountStatsOptions(string? Email, bool Json, string? Account);
