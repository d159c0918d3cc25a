namespace Ferry.Htx.Accounts;

/// <summary>One page of the ledger.</summary>
/// <param name="Rows">The records of this page.</param>
/// <param name="NextId">The first record of the next page; null when this is the last page.</param>
public sealed record AccountLedgerPage(IReadOnlyList<Models.HtxLedgerRow> Rows, long? NextId);
