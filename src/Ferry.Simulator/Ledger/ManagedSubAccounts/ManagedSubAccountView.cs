namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>A managed sub-account as GET info shows it.</summary>
public sealed record ManagedSubAccountView(ManagedSubAccountProfile Profile, SimUser User, long SubUserId, bool Frozen);
