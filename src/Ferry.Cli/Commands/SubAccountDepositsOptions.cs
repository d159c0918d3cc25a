namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub deposits EMAIL</c>: only this coin, status and number of days, when given.</summary>
internal sealed record SubAccountDepositsOptions(string? Email, string? Coin, int? Status, int? Days, bool Json, string? Account);
