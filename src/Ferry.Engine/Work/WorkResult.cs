namespace Ferry.Engine.Work;

/// <summary>How a unit ended: its final state, its journal entries in order, and one sentence.</summary>
public sealed record WorkResult(WorkUnitState State, IReadOnlyList<string> JournalIds, string Message)
{
    /// <summary>Throws when <see cref="State"/> is not final.</summary>
    public void Validate()
    {
        if (!WorkUnitStates.IsFinal(State)) throw new ArgumentException($"A unit cannot complete as '{WorkUnitStates.Name(State)}'.", nameof(State));
    }
}
