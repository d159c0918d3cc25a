namespace Ferry.Server.Api;

/// <summary>A move to plan: the amount as an exact decimal string, the asset, the two wallet addresses, and optionally the account (the server's default otherwise).</summary>
public sealed record TransferPlanRequest(string? Amount, string? Asset, string? From, string? To, string? Account = null);
