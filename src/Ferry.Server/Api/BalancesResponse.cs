namespace Ferry.Server.Api;

/// <summary>Every account and venue, and the totals per asset across them.</summary>
public sealed record BalancesResponse(IReadOnlyList<BalanceSourceResponse> Sources, IReadOnlyList<AssetTotalResponse> Totals);
