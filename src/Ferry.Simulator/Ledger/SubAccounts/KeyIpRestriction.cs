namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>The IP restriction of one sub-account API key.</summary>
/// <param name="ApiKey">The restricted key.</param>
/// <param name="Owner">The sub-account that owns the key.</param>
/// <param name="Restricted">True when only <paramref name="IpList"/> may use the key (Binance status 2).</param>
/// <param name="IpList">Trusted addresses, in the order they were added.</param>
/// <param name="UpdateTimeMs">Last change (epoch ms).</param>
public sealed record KeyIpRestriction(string ApiKey, string Owner, bool Restricted, IReadOnlyList<string> IpList, long UpdateTimeMs);
