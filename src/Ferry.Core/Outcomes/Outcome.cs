namespace Ferry.Core.Outcomes;

/// <summary>
/// The one result of a request to an exchange. Every request ends in exactly one of four cases,
/// so callers cannot mistake "may have executed" for "failed" (design principle 3).
/// </summary>
public abstract record Outcome<T>
{
    private protected Outcome() { }

    /// <summary>Which of the four cases this is.</summary>
    public abstract OutcomeKind Kind { get; }

    /// <summary>True only for <see cref="Done{T}"/>.</summary>
    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>One sentence a person can read, never holding a secret.</summary>
    public abstract string Describe();

    /// <summary>Carries a refusal or failure over to an outcome of another value type.</summary>
    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => this switch
    {
        Done<T> d => new Done<TOther>(map(d.Value)),
        NotSent<T> n => new NotSent<TOther>(n.Reason, n.Message),
        Rejected<T> r => new Rejected<TOther>(r.Error),
        Unknown<T> u => new Unknown<TOther>(u.Message, u.HttpStatus),
        _ => throw new InvalidOperationException("Unreachable outcome case."),
    };
}

/// <summary>The four cases of <see cref="Outcome{T}"/>.</summary>
public enum OutcomeKind
{
    /// <summary>Refused locally; nothing left the process.</summary>
    NotSent,
    /// <summary>The exchange answered with an error: it did not execute.</summary>
    Rejected,
    /// <summary>Success.</summary>
    Done,
    /// <summary>It may have executed (timeout after sending, 5xx, unreadable success body).</summary>
    Unknown,
}

/// <summary>Refused locally before anything was sent: validation, permission, rate budget, host.</summary>
public sealed record NotSent<T>(NotSentReason Reason, string Message) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.NotSent;
    public override string Describe() => Message;
}

/// <summary>The exchange answered with an error code; the request did not execute.</summary>
public sealed record Rejected<T>(ExchangeError Error) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Rejected;
    public override string Describe() => Error.ToString();
}

/// <summary>Success, with the exchange's answer.</summary>
public sealed record Done<T>(T Value) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Done;
    public override string Describe() => "done";
}

/// <summary>
/// The request may have executed: only the transfer engine may act on this, by reconciling
/// against the exchange's history. Never retry a non-idempotent request on this outcome.
/// </summary>
public sealed record Unknown<T>(string Message, int? HttpStatus = null) : Outcome<T>
{
    public override OutcomeKind Kind => OutcomeKind.Unknown;
    public override string Describe() => Message;
}
