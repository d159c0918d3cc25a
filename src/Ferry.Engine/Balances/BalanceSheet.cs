namespace Ferry.Engine.Balances;

/// <summary>Every wallet balance read for an account (and, when asked, its sub-accounts), the wallets that could not be
/// read, and the totals per asset over every row.</summary>
public sealed record BalanceSheet(IReadOnlyList<AccountBalance> Rows, IReadOnlyList<UnreadWallet> Unread)
{
    /// <summary>Per asset, the sum of every row's amount, in asset order.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Totals { get; } =
        [.. Rows.GroupBy(r => r.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, decimal>(g.Key, g.Sum(r => r.Amount)))];

    /// <summary>True when every wallet asked for was read, or its refusal only says the wallet is not open
    /// (a Rejected read); false when a read was not sent or its outcome is unknown.</summary>
    public bool Complete => Unread.All(u => u.Kind == Ferry.Core.Outcomes.OutcomeKind.Rejected);
}
