namespace Ferry.Benchmarks.Loopback;

/// <summary>One side of the comparison: runs a block of sequential calls to the simulator, throwing if one does not succeed.</summary>
public interface ILoopbackSide : IDisposable
{
    /// <summary>"client" or "floor".</summary>
    string Name { get; }

    /// <summary>Work done before a block and outside its measurement (the floor signs a fresh request here).</summary>
    void PrepareBlock();

    /// <summary>Sends <paramref name="calls"/> requests one after another (one async state machine per block, not per call).</summary>
    Task RunBlockAsync(int calls, CancellationToken cancellationToken);
}
