using Microsoft.Extensions.Time.Testing;

namespace Ferry.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also shows which of its timers are armed. FakeTimeProvider fires timers only on
/// Advance and cannot say whether the code under test is waiting yet; a test that advances before the code has armed its
/// timer would race it, so these tests first wait for the timer, then advance.
/// </summary>
/// <remarks>Reading the armed timers reads the clock: do not combine with <see cref="FakeTimeProvider.AutoAdvanceAmount"/>.</remarks>
public sealed class WatchedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _timers = [];
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new WatchedTimer(this);
        timer.Arm(dueTime, period);
        timer.Inner = base.CreateTimer(s =>
        {
            timer.Fired();
            callback(s);
        }, state, dueTime, period);
        return timer;
    }

    /// <summary>How long from now each armed timer is due, soonest first.</summary>
    public IReadOnlyList<TimeSpan> PendingTimers()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - now).Order().ToList();
        }
    }

    /// <summary>How long from now the earliest armed timer is due, or null when none is.</summary>
    public TimeSpan? NextDue() => PendingTimers() is [var first, ..] ? first : null;

    /// <summary>Completes the next time a timer is armed (take it before looking at <see cref="PendingTimers"/>).</summary>
    public Task Armed()
    {
        lock (_gate) return _armed.Task;
    }

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

    private void Track(WatchedTimer timer, DateTimeOffset? dueAt, TimeSpan period)
    {
        TaskCompletionSource? armed = null;
        lock (_gate)
        {
            if (!_timers.Contains(timer)) _timers.Add(timer);
            timer.DueAt = dueAt;
            timer.Period = period;
            if (dueAt is not null)
            {
                armed = _armed;
                _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        armed?.TrySetResult();
    }

    private void Untrack(WatchedTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    /// <summary>The provider's own timer, with its due time kept where the provider can list it.</summary>
    private sealed class WatchedTimer(WatchedFakeTimeProvider owner) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            var dueAt = dueTime == Timeout.InfiniteTimeSpan ? (DateTimeOffset?)null : owner.GetUtcNow() + dueTime;
            owner.Track(this, dueAt, period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period);
        }

        /// <summary>As the provider does: a periodic timer is due one period after its last due time, any other is done.</summary>
        public void Fired()
        {
            lock (owner._gate) DueAt = Period > TimeSpan.Zero && DueAt is { } due ? due + Period : null;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Untrack(this);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
