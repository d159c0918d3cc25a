namespace Ferry.Engine.Service;

/// <summary>What driving one intended move came to in this process.</summary>
public enum IntentStatus
{
    /// <summary>Done, or as far as Ferry can tell (an ambiguous history it leaves to a person): nothing more to do here.</summary>
    Settled,
    /// <summary>Another live process holds the intent (or its route) right now: come back later.</summary>
    Held,
}

/// <summary>The result of <see cref="TransferService.MoveOnceAsync(string, TransferProposal, bool, CancellationToken)"/>: its status, and whether this call worked on it
/// (sent, resent or reconciled something) rather than finding it already settled.</summary>
public sealed record IntentRun(IntentStatus Status, bool Worked);
