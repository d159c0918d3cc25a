namespace Ferry.Simulator.Persistence;

/// <summary>A queued write with its result type.</summary>
internal sealed class QueuedWrite<T>(Func<T> write) : QueuedWrite
{
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;
    private Exception? _error;

    /// <summary>Completes once the write is durable (or failed).</summary>
    public Task<T> Task => _answer.Task;

    public override bool Run()
    {
        try
        {
            _result = write();
            return true;
        }
        catch (Exception e)
        {
            _error = e;
            return false;
        }
    }

    public override void FailUnlessFailed(Exception error) => _error ??= error;

    public override void Answer()
    {
        if (_error is not null)
        {
            _answer.TrySetException(_error);
        }
        else
        {
            _answer.TrySetResult(_result);
        }
    }
}
