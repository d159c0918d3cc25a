namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub list</c>: --frozen, --active (at most one), --json, --account.</summary>
internal sealed record SubAccountListOptions(bool Frozen, bool Active, bool Json, string? Account);
