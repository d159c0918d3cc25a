using Ferry.Testing;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The shared fake clock's promise to the tests that step it: a timer it shows as armed, due in d, fires when the clock
/// is advanced by d. The end-to-end tests wait on <see cref="WatchedFakeTimeProvider.Armed"/> and step as soon as it
/// completes, on another thread than the one arming the timer; here that waiter is made to step at the earliest moment
/// it could, while the armed signal is being given.
/// </summary>
public sealed class WatchedFakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero);
    private static readonly TimeSpan Due = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_waiter_that_steps_to_a_timer_the_moment_it_is_armed_fires_it(bool rearmExisting)
    {
        var clock = new WatchedFakeTimeProvider(Start);
        var fired = 0;
        using var idle = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var waiter = new StepWhenArmed(clock);
        _ = clock.Armed().ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, waiter);

        using var created = rearmExisting ? null : clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, Due, Timeout.InfiniteTimeSpan);
        if (rearmExisting)
        {
            idle.Change(Due, Timeout.InfiniteTimeSpan);
        }

        Assert.Equal(Due, waiter.Stepped);
        Assert.Equal(1, Volatile.Read(ref fired));
        Assert.Null(clock.NextDue());
    }

    [Fact]
    public void A_timer_changed_after_it_was_disposed_is_not_shown_as_armed()
    {
        var clock = new WatchedFakeTimeProvider(Start);
        var timer = clock.CreateTimer(_ => { }, null, Due, Timeout.InfiniteTimeSpan);
        timer.Dispose();

        Assert.False(timer.Change(Due, Timeout.InfiniteTimeSpan));
        Assert.Null(clock.NextDue());
    }

    /// <summary>
    /// The scheduler of one waiter on <see cref="WatchedFakeTimeProvider.Armed"/>: it is handed the waiter while the armed
    /// signal is given, and lets the arming thread go on only after a thread of its own has stepped the clock to the
    /// earliest timer shown, as a waiter woken on another core could before the arming thread runs again.
    /// </summary>
    private sealed class StepWhenArmed(WatchedFakeTimeProvider clock) : TaskScheduler
    {
        public TimeSpan? Stepped { get; private set; }

        protected override void QueueTask(Task task)
        {
            var step = Task.Run(() =>
            {
                var due = clock.NextDue();
                if (due is { } shown)
                {
                    clock.Advance(shown);
                }

                return due;
            });

            // Bounded, so that a clock whose step cannot run while it signals fails the test instead of hanging it.
            if (!step.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("The waiter could not step the clock while the timer was being armed.");
            }

            Stepped = step.Result;
            TryExecuteTask(task);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => [];
    }
}
