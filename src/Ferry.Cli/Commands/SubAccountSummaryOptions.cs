namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub summary</c>: the wallet, and --v1 for the v1 USDⓈ-M summary.</summary>
internal sealed record SubAccountSummaryOptions(string? Wallet, bool V1, bool Json, string? Account);
