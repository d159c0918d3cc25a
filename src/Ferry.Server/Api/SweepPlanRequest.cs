namespace Ferry.Server.Api;

/// <summary>A sweep to plan: collect an asset from sub-accounts (every one on the master's list, or <c>From</c>) into <c>To</c>; <c>Min</c> and <c>Keep</c> are exact decimal strings.</summary>
public sealed record SweepPlanRequest(string? Asset, string? To, IReadOnlyList<string>? From = null, string? Wallet = null, string? Min = null,
    string? Keep = null, string? Account = null);
