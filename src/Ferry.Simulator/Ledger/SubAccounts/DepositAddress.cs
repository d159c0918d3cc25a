namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>A deposit address as GET capital/deposit/subAddress answers it.</summary>
public sealed record DepositAddress(string Address, string Coin, string Network, string Tag, string Url);
