namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Which log is read: the documented three views of one set of moves.</summary>
public enum ManagedLogView
{
    /// <summary>GET queryTransLogForInvestor: the investor master names one of its managed sub-accounts.</summary>
    Investor,
    /// <summary>GET queryTransLogForTradeParent: the trading-team master names a managed sub-account bound to it.</summary>
    TradingTeam,
    /// <summary>GET query-trans-log: the managed sub-account's own key (the trading-team sub-account), no e-mail.</summary>
    ManagedSubAccount,
}
