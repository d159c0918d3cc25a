namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry balances</c> on the simulator: every non-zero balance the simulator holds (or one owner's).</summary>
internal sealed record BalancesDocument(TargetDocument Target, IReadOnlyList<BalanceDocument> Balances);
