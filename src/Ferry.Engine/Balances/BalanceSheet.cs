namespace Ferry.Engine.Balances;

/// <summary>Every wallet balance read for an account (and, when asked, its sub-accounts), the wallets that could not be
/// read, and the totals per asset over every row.</summary>
public sealed record BalanceSheet(IReadOnlyList<AccountBalance> Rows, IReadOnlyList<UnreadWallet> Unread)
{
    /// <summary>Per asset, the sum of every row's amount, in asset order.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Totals { get; } =
        [.. Rows.GroupBy(r => r.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, decimal>(g.Key, g.Sum(r => r.Amount)))];

    /// <summary>Only <paramref name="owner"/>'s rows (case-insensitive), with their own totals; every unread wallet is
    /// kept (an unread sub-account list, for one, may have hidden the owner's rows).</summary>
    public BalanceSheet Of(string owner) =>
        new([.. Rows.Where(r => string.Equals(r.Owner, owner, StringComparison.OrdinalIgnoreCase))], Unread);
}
