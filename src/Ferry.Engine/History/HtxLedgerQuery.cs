namespace Ferry.Engine.History;

/// <summary>HTX spot ⇄ swap transfers from the spot account ledger (GET /v2/account/ledger).</summary>
public sealed record HtxLedgerQuery(string? Asset, DateTimeOffset From, DateTimeOffset To) : HistoryQuery(From, To);
