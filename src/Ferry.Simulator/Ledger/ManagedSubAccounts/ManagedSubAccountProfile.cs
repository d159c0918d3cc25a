namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>What the investor knows about one managed sub-account beyond its wallets.</summary>
/// <param name="Email">The managed sub-account's e-mail (a ledger user, so totals and the auditor cover its wallets).</param>
/// <param name="TradingTeamEmail">The trading team's master account the sub-account is bound to (<c>bindParentEmail</c>).</param>
/// <param name="TradingTeamUserId">That master's user id (<c>bindParentUserId</c>).</param>
/// <param name="InsertTimeMs">When the managed sub-account was created (<c>insertTimeStamp</c>); snapshots start that day.</param>
/// <param name="SignedLvtRiskAgreement"><c>isSignedLVTRiskAgreement</c>.</param>
public sealed record ManagedSubAccountProfile(
    string Email, string TradingTeamEmail, long TradingTeamUserId, long InsertTimeMs, bool SignedLvtRiskAgreement);
