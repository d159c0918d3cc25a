namespace Ferry.Server.Api;

/// <summary>A plan: nothing was sent. Its id runs it once before <c>ExpiresAt</c>; <c>NeedsConfirmation</c> says a person must confirm it (a mainnet account).</summary>
public sealed record PlanResponse(string PlanId, string Kind, DateTimeOffset ExpiresAt, string Account, bool NeedsConfirmation, bool Sent,
    IReadOnlyList<PlanMoveResponse> Moves, IReadOnlyList<SkippedWalletResponse> Skipped);
