using Microsoft.Extensions.Time.Testing;

namespace Ferry.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also shows which of its timers are armed. FakeTimeProvider fires timers only on
/// Advance and cannot say whether the code under test is waiting yet; a test that advances before the code has armed its
/// timer would race it, so these tests first wait for the timer, then advance.
/// </summary>
/// <remarks>
/// <para>A timer is shown as armed only once FakeTimeProvider holds it: arming (create, change) and stepping
/// (<see cref="Advance"/>, <see cref="SetUtcNow"/>) take one lock, so a step cannot fall between the due time this class
/// shows and the one FakeTimeProvider keeps, and the step to a shown timer fires it. Step through this type, not through
/// a <see cref="FakeTimeProvider"/> reference, which would bypass the lock.</para>
/// <para>Timer callbacks that a step fires run under that lock (it is reentrant, so they may arm timers themselves);
/// code that arms a timer while holding a lock of its own, and takes that lock in a timer callback, would deadlock here.</para>
/// <para>The armed view follows <see cref="Advance"/> and <see cref="SetUtcNow"/> only, and reading it reads the clock:
/// do not combine with <see cref="FakeTimeProvider.AutoAdvanceAmount"/> or <see cref="FakeTimeProvider.AdjustTime"/>.</para>
/// </remarks>
public sealed class WatchedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _timers = [];
    private readonly Pulse _armed = new();

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new WatchedTimer(this);
        bool armed;
        lock (_gate)
        {
            // Tracked first: a timer due now fires inside base.CreateTimer and must find itself to clear.
            armed = Track(timer, dueTime, period);
            timer.Inner = base.CreateTimer(s =>
            {
                timer.Fired();
                callback(s);
            }, state, dueTime, period);
        }

        if (armed)
        {
            // Given once the timer is held, outside the gate.
            _armed.Fire();
        }

        return timer;
    }

    /// <summary>Advances the clock by <paramref name="delta"/>, firing the timers due by then; never while a timer is
    /// being armed.</summary>
    public new void Advance(TimeSpan delta)
    {
        lock (_gate) base.Advance(delta);
    }

    /// <summary>Sets the clock to <paramref name="value"/>, firing the timers due by then; never while a timer is being
    /// armed.</summary>
    public new void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate) base.SetUtcNow(value);
    }

    /// <summary>How long from now each armed timer is due, soonest first.</summary>
    public IReadOnlyList<TimeSpan> PendingTimers()
    {
        lock (_gate)
        {
            var now = GetUtcNow();
            return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - now).Order().ToList();
        }
    }

    /// <summary>How long from now the earliest armed timer is due, or null when none is.</summary>
    public TimeSpan? NextDue() => PendingTimers() is [var first, ..] ? first : null;

    /// <summary>Completes the next time a timer is armed (take it before looking at <see cref="PendingTimers"/>).</summary>
    public Task Armed() => _armed.Next();

    /// <summary>Completes once a timer is armed whose due time from now satisfies <paramref name="match"/>; gives up
    /// after 30 s of real time so that a test whose code never waits fails instead of hanging.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var armed = Armed();
            if (PendingTimers().Any(match)) return;
            await armed.WaitAsync(giveUp.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Records a timer's due time (under the gate); returns whether it is now armed.</summary>
    private bool Track(WatchedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (!_timers.Contains(timer)) _timers.Add(timer);
        timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime;
        timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
        return timer.DueAt is not null;
    }

    /// <summary>The provider's own timer, with its due time kept where the provider can list it.</summary>
    private sealed class WatchedTimer(WatchedFakeTimeProvider owner) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        /// <summary>As the provider does: a periodic timer is due one period after its last due time, any other is done.</summary>
        public void Fired()
        {
            lock (owner._gate) DueAt = Period > TimeSpan.Zero && DueAt is { } due ? due + Period : null;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool armed, changed;
            lock (owner._gate)
            {
                armed = owner.Track(this, dueTime, period);
                changed = Inner!.Change(dueTime, period);
                if (!changed)
                {
                    // Disposed: FakeTimeProvider will not fire it, so it is not shown either.
                    owner._timers.Remove(this);
                    armed = false;
                }
            }

            if (armed)
            {
                owner._armed.Fire();
            }

            return changed;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Inner?.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
