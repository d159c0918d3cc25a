namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub assets EMAIL</c>: the wallet, and which endpoint version (--v3 for spot, --v1 for usdm).</summary>
internal sealed record SubAccountAssetsOptions(string? Email, string? Wallet, bool V3, bool V1, bool Json, string? Account);
