namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed withdraw AMOUNT ASSET --from EMAIL [--date YYYY-MM-DD]</c>: as typed, with --dry-run and mainnet consent.</summary>
internal sealed record ManagedWithdrawOptions(string? Amount, string? Asset, string? From, string? Date, bool DryRun, bool Confirm, bool Json, string? Account);
