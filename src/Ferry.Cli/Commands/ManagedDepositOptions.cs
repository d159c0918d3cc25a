namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed deposit AMOUNT ASSET --to EMAIL</c>: as typed, with --dry-run and mainnet consent.</summary>
internal sealed record ManagedDepositOptions(string? Amount, string? Asset, string? To, bool DryRun, bool Confirm, bool Json, string? Account);
