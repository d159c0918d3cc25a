namespace Ferry.Simulator.Ledger;

/// <summary>The answer to a <see cref="HistoryQuery"/>: how many moves match in all, the page's rows newest first,
/// and how many moves the read looked at (for tests that check a read touches only what it needs).</summary>
public sealed record HistoryPage(int Total, IReadOnlyList<LedgerMove> Rows, int Examined);
