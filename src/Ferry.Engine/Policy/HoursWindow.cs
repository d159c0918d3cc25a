namespace Ferry.Engine.Policy;

/// <summary>A UTC time-of-day window (<c>08:00-18:00</c>; one that wraps midnight, such as <c>22:00-06:00</c>, is
/// allowed). Start is inside, end is not.</summary>
public sealed record HoursWindow(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when <paramref name="at"/> (in UTC) falls in the window.</summary>
    public bool Contains(DateTimeOffset at)
    {
        var time = TimeOnly.FromTimeSpan(at.UtcDateTime.TimeOfDay);
        return Start <= End ? time >= Start && time < End : time >= Start || time < End;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
