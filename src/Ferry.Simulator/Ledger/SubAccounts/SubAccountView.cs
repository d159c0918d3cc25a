namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>A sub-account as the list and status endpoints show it: profile plus the ledger's product flags.</summary>
public sealed record SubAccountView(SubAccountProfile Profile, SimUser User);
