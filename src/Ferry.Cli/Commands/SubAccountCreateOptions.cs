namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub create NAME</c>: the name Binance turns into a virtual e-mail, and mainnet consent.</summary>
internal sealed record SubAccountCreateOptions(string Name, bool Confirm, bool Json, string? Account);
