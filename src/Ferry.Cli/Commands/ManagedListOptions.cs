namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed list</c>: only this managed sub-account, when <see cref="Email"/> is given.</summary>
internal sealed record ManagedListOptions(string? Email, bool Json, string? Account);
