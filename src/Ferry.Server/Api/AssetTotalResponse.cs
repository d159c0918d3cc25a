namespace Ferry.Server.Api;

/// <summary>The sum of one asset over every source of one environment (simulator money is never added to real money).</summary>
public sealed record AssetTotalResponse(string Environment, string Asset, string Amount);
