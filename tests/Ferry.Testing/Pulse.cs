namespace Ferry.Testing;

/// <summary>
/// A signal given again and again: the task from <see cref="Next"/> completes the next time <see cref="Fire"/> is called.
/// Take <see cref="Next"/> before looking at the state it announces, so that no signal is missed in between.
/// </summary>
public sealed class Pulse
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the next time <see cref="Fire"/> is called.</summary>
    public Task Next()
    {
        lock (_gate) return _next.Task;
    }

    /// <summary>Completes the waiting task and starts the next one.</summary>
    public void Fire()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fired.TrySetResult();
    }
}
