namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub deposit-address EMAIL COIN</c>: and the network, when not Binance's default.</summary>
internal sealed record SubAccountDepositAddressOptions(string? Email, string? Coin, string? Network, bool Json, string? Account);
