using Ferry.Engine.Moves;

namespace Ferry.Engine.Service;

/// <summary>What a sweep or rebalance run did: its id (the journal groups its entries under it) and each move's result, in plan order.</summary>
public sealed record MovesRun(string RunId, IReadOnlyList<MoveResult> Results);
