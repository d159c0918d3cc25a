namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>A futures account (UM or CM) of one user.</summary>
public sealed record FuturesAccountView(string Email, string Market, IReadOnlyList<FuturesAssetLine> Assets);
