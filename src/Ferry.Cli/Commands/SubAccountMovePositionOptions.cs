namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub move-position --from --to POSITION...</c>: the two accounts, the SYMBOL:QUANTITY[:SIDE] texts, mainnet consent.</summary>
internal sealed record SubAccountMovePositionOptions(string? From, string? To, string[] Positions, bool Confirm, bool Json, string? Account);
