namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub positions [EMAIL]</c>: COIN-M or v1 positions of a sub-account, or with --moves one symbol's move history.</summary>
internal sealed record SubAccountPositionsOptions(string? Email, bool CoinM, bool V1, string? Moves, bool Json, string? Account);
