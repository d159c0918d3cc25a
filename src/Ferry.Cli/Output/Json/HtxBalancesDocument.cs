namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry balances --venue htx</c>: every non-zero HTX wallet balance of the account.</summary>
internal sealed record HtxBalancesDocument(TargetDocument Target, string Venue, IReadOnlyList<HtxBalanceDocument> Balances);
