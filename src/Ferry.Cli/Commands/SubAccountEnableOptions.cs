namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub enable-futures|enable-options EMAIL</c>: which product, the sub-account, and mainnet consent.</summary>
internal sealed record SubAccountEnableOptions(bool Futures, string? Email, bool Confirm, bool Json, string? Account);
