namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed deposit-address EMAIL COIN</c>: and the network, when not Binance's default.</summary>
internal sealed record ManagedDepositAddressOptions(string? Email, string? Coin, string? Network, bool Json, string? Account);
