namespace Ferry.Simulator.Persistence;

/// <summary>The gate of a simulator without a state file: nobody else can change the state, so it only runs the call
/// (the ledger and books keep their own locks, and requests run concurrently as before).</summary>
internal sealed class MemoryStateGate : IStateGate
{
    public static readonly MemoryStateGate Instance = new();

    public ValueTask<T> ReadAsync<T>(Func<T> read, CancellationToken ct) => ValueTask.FromResult(read());

    public ValueTask<T> WriteAsync<T>(Func<T> write, CancellationToken ct) => ValueTask.FromResult(write());

    public T Read<T>(Func<T> read) => read();

    public T Write<T>(Func<T> write) => write();
}
