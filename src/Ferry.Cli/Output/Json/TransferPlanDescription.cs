namespace Ferry.Cli.Output.Json;

/// <summary>plan_transfer's plan: the request, its legs in order, whether the user must CONFIRM, and that nothing was sent.</summary>
internal sealed record TransferPlanDescription(TransferRequestDocument Request, IReadOnlyList<TransferPlanLegDocument> Legs, bool NeedsConfirmation, bool Sent);
