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
