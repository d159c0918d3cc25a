namespace Ferry.Simulator.Scenario;

/// <summary>
/// A managed sub-account: a sub-account of the scenario's master — the investor — whose trading is delegated
/// to a trading team. <paramref name="TradingTeam"/> is the e-mail of the trading team's master account, which may hold
/// API keys (for GET queryTransLogForTradeParent) but no wallets in the simulator. The managed sub-account's own keys
/// play the documented "trading team sub-account" role (GET query-trans-log).
/// </summary>
public sealed record ScenarioManagedSubAccount(string Email, string TradingTeam, bool Futures, bool Margin)
{
    /// <summary><c>isSignedLVTRiskAgreement</c> of the list endpoint.</summary>
    public bool SignedLvtRiskAgreement { get; init; }
}
