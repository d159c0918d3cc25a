namespace Ferry.Simulator.Persistence;

/// <summary>
/// The one way in to the simulator's state (ledger and books). With a state file it keeps memory equal to the file
/// across processes: a read sees every move any process has committed, and a write runs under the file's exclusive
/// lock on the newest state and is committed before its answer is written. In memory it only runs the call.
/// </summary>
internal interface IStateGate
{
    /// <summary>Runs a read of the state, after memory was brought up to date with the file.</summary>
    ValueTask<T> ReadAsync<T>(Func<T> read, CancellationToken ct);

    /// <summary>Runs a change of the state under the file's exclusive lock and commits it; a failure rolls it back.</summary>
    ValueTask<T> WriteAsync<T>(Func<T> write, CancellationToken ct);

    /// <summary><see cref="ReadAsync{T}"/> for synchronous callers (the host's inspection methods).</summary>
    T Read<T>(Func<T> read);

    /// <summary><see cref="WriteAsync{T}"/> for synchronous callers (start-up, scheduled work run by a test).</summary>
    T Write<T>(Func<T> write);
}
