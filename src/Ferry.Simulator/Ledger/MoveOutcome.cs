namespace Ferry.Simulator.Ledger;

/// <summary>The result of <see cref="SimLedger.Move"/>: the committed row, or the reason nothing happened.</summary>
public readonly record struct MoveOutcome(LedgerMove? Move, MoveFailure Failure)
{
    /// <summary>True when the move was committed.</summary>
    public bool Succeeded => Move is not null;

    internal static MoveOutcome Done(LedgerMove move) => new(move, MoveFailure.None);

    internal static MoveOutcome Refused(MoveFailure failure) => new(null, failure);
}
