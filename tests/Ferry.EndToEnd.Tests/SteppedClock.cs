namespace Ferry.EndToEnd.Tests;

/// <summary>
/// A clock that stands still until the test moves it to the next armed timer, for the client and the simulator at
/// once: no window can end while a request is on its way unless the test says so. Kept for the concurrent sweep test:
/// on <see cref="Ferry.Testing.WatchedFakeTimeProvider"/> that test hung once in about seven full runs (a timer is shown
/// as armed before FakeTimeProvider holds it, so a step can pass it by); this clock arms and fires under one lock.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<SteppedTimer> _timers = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How long from now the earliest armed timer is due, or null when none is.</summary>
    public TimeSpan? NextDue()
    {
        lock (_gate)
        {
            var due = _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            return due == DateTimeOffset.MaxValue ? null : due - _now;
        }
    }

    /// <summary>Completes the next time a timer is armed (take it before looking at <see cref="NextDue"/>).</summary>
    public Task Armed()
    {
        lock (_gate) return _armed.Task;
    }

    /// <summary>Moves to the earliest armed timer's due time and fires every timer due then; returns how far it moved.</summary>
    public TimeSpan AdvanceToNextTimer()
    {
        List<SteppedTimer> due;
        TimeSpan moved;
        lock (_gate)
        {
            var next = _timers.Where(t => t.DueAt is not null).Min(t => t.DueAt!.Value);
            moved = next - _now;
            _now = next;
            due = _timers.Where(t => t.DueAt == next).ToList();
            foreach (var t in due) t.DueAt = t.Period > TimeSpan.Zero ? next + t.Period : null;
        }
        foreach (var t in due) t.Fire();
        return moved;
    }

    /// <summary>Moves to <paramref name="target"/>, firing on the way every timer due by then, in due order.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (NextDue() is { } due && GetUtcNow() + due <= target)
        {
            AdvanceToNextTimer();
        }

        lock (_gate) _now = target;
    }

    private void Arm(SteppedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource? armed = null;
        lock (_gate)
        {
            if (!_timers.Contains(timer)) _timers.Add(timer);
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            if (timer.DueAt is not null)
            {
                armed = _armed;
                _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        armed?.TrySetResult();
    }

    private void Remove(SteppedTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class SteppedTimer(SteppedClock owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
