namespace Ferry.Engine.Journal;

/// <summary>The state of one journaled leg (its current attempt).</summary>
public enum LegState
{
    /// <summary>Written, not yet sent: nothing left the process.</summary>
    Planned,
    /// <summary>About to be sent or in flight: it may have executed.</summary>
    Sending,
    /// <summary>Executed (answered done, or found in the exchange's history).</summary>
    Done,
    /// <summary>The exchange answered with an error, or the request was refused locally: it did not execute.</summary>
    Rejected,
    /// <summary>It may have executed (timeout, reset, 5xx, crash while sending); only reconciliation moves it on.</summary>
    Unknown,
    /// <summary>The exchange's history says it did not happen (or it was never sent); may be sent again as a new attempt.</summary>
    NotExecuted,
}

/// <summary>The legal transitions of <see cref="LegState"/>; the journal refuses every other one, on write and on read.</summary>
public static class LegStates
{
    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is a legal step.</summary>
    public static bool IsLegal(LegState from, LegState to) => (from, to) switch
    {
        (LegState.Planned, LegState.Sending) => true,
        // A planned leg was never sent (the crash came before 'sending' was written): it is safe to call not executed.
        (LegState.Planned, LegState.NotExecuted) => true,
        (LegState.Sending, LegState.Done or LegState.Rejected or LegState.Unknown) => true,
        (LegState.Unknown, LegState.Done or LegState.NotExecuted) => true,
        // A resend: a new attempt of the same leg.
        (LegState.NotExecuted, LegState.Sending) => true,
        _ => false,
    };

    /// <summary>True for the states no reconciliation changes.</summary>
    public static bool IsSettled(LegState state) => state is LegState.Done or LegState.Rejected or LegState.NotExecuted;

    /// <summary>The state as the journal writes it: planned, sending, done, rejected, unknown, not-executed.</summary>
    public static string Name(LegState state) => state switch
    {
        LegState.Planned => "planned",
        LegState.Sending => "sending",
        LegState.Done => "done",
        LegState.Rejected => "rejected",
        LegState.Unknown => "unknown",
        LegState.NotExecuted => "not-executed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Parses a name written by <see cref="Name"/>; throws <see cref="JournalCorruptException"/> otherwise.</summary>
    public static LegState Parse(string name) => name switch
    {
        "planned" => LegState.Planned,
        "sending" => LegState.Sending,
        "done" => LegState.Done,
        "rejected" => LegState.Rejected,
        "unknown" => LegState.Unknown,
        "not-executed" => LegState.NotExecuted,
        _ => throw new JournalCorruptException($"The journal holds an unknown state '{name}'."),
    };
}

/// <summary>A transition the state machine does not allow; the journal is left unchanged.</summary>
public sealed class IllegalTransitionException(string legId, LegState from, LegState to)
    : InvalidOperationException($"Journal entry {legId} cannot go from {LegStates.Name(from)} to {LegStates.Name(to)}.")
{
    public string LegId { get; } = legId;
    public LegState From { get; } = from;
    public LegState To { get; } = to;
}

/// <summary>The journal file holds something the state machine could not have written (or a newer schema).</summary>
public sealed class JournalCorruptException(string message, Exception? inner = null) : Exception(message, inner);
