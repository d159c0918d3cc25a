namespace Ferry.Cli.Output.Json;

/// <summary>plan_sweep/plan_rebalance's plan: the request, the moves, the wallets left alone, the weight, and that nothing was sent.</summary>
internal sealed record SweepPlanDescription(MovesRequestDocument Request, IReadOnlyList<SweepPlanMoveDocument> Moves, IReadOnlyList<SkippedSourceDocument> Skipped,
    int UidWeight, int IpWeight, bool NeedsConfirmation, bool Sent);
