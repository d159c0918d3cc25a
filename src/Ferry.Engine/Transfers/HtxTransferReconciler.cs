using Ferry.Engine.History;

namespace Ferry.Engine.Transfers;

/// <summary>What the ledger says about a leg whose outcome was unknown.</summary>
public enum HtxReconciliation
{
    /// <summary>No ledger row matches: it did not execute (once the ledger has caught up; re-read before retrying).</summary>
    NotFound,
    /// <summary>Exactly one row matches: it executed, with that row's transaction id.</summary>
    Executed,
    /// <summary>Several rows match (same currency, amount and direction in the window): say so rather than guess.</summary>
    Ambiguous,
}

/// <summary>
/// Matches an HTX leg against ledger rows by currency, amount, direction and time, for a journal that has to resolve
/// an Unknown outcome. The ledger does not say which margin account (cross or which contract) a row moved, and its
/// transactId is not documented to equal the transfer id, so those are not matched.
/// </summary>
public static class HtxTransferReconciler
{
    /// <summary>How far either side of the send time a matching row may lie (clock skew plus booking delay; assumed).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The rows that match <paramref name="plan"/> sent at <paramref name="sentAt"/>, and what they mean.</summary>
    public static (HtxReconciliation Verdict, IReadOnlyList<TransferHistoryEntry> Matches) Match(
        HtxTransferPlan plan, DateTimeOffset sentAt, IEnumerable<TransferHistoryEntry> ledger, TimeSpan? tolerance = null)
    {
        var window = tolerance ?? DefaultTolerance;
        var matches = ledger.Where(e => e.Source == "htx-ledger" && e.Type == plan.Direction
                && string.Equals(e.Asset, plan.Asset, StringComparison.OrdinalIgnoreCase) && e.Amount == plan.Amount
                && e.Time >= sentAt - window && e.Time <= sentAt + window)
            .ToList();
        return (matches.Count switch { 0 => HtxReconciliation.NotFound, 1 => HtxReconciliation.Executed, _ => HtxReconciliation.Ambiguous }, matches);
    }
}
