namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry demo --json</c>: the tour's steps as one document.</summary>
internal sealed record DemoDocument(
    string Simulator, string Master, IReadOnlyList<DemoBalanceDocument> BalancesBefore, IReadOnlyList<DemoMoveDocument> Moves,
    DemoRefusalDocument Refused, IReadOnlyList<DemoBalanceDocument> BalancesAfter, IReadOnlyList<DemoHistoryRowDocument> History,
    DemoHtxDocument Htx, bool Conserved);
