namespace Ferry.Cli.Output.Json;

/// <summary>plan_rebalance's targets: per asset, per wallet, an amount, a share ("25%") or "rest".</summary>
internal sealed record RebalanceRequestDocument(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Assets) : MovesRequestDocument;
