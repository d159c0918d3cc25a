namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed futures-assets EMAIL</c>: COIN-M with <see cref="CoinM"/>, else USDⓈ-M.</summary>
internal sealed record ManagedFuturesAssetsOptions(string? Email, bool CoinM, bool Json, string? Account);
