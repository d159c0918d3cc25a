using System.Diagnostics;

namespace Ferry.Benchmarks.Loopback;

/// <summary>What one side used over its measured blocks: calls, wall time, this process's CPU time, bytes allocated.</summary>
public readonly record struct SideTotals(long Calls, TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes)
{
    public double WallMicrosecondsPerCall => Wall.TotalMicroseconds / Calls;

    public double CpuMicrosecondsPerCall => Cpu.TotalMicroseconds / Calls;

    public double BytesPerCall => (double)AllocatedBytes / Calls;

    public SideTotals Add(SideTotals block) =>
        new(Calls + block.Calls, Wall + block.Wall, Cpu + block.Cpu, AllocatedBytes + block.AllocatedBytes);

    /// <summary>
    /// Runs one block and measures it: Stopwatch wall time, the whole process's CPU time (all threads: I/O, thread
    /// pool, GC), and the precise allocated-bytes counter (the server is another process, so it is all client-side).
    /// </summary>
    public static async Task<SideTotals> MeasureAsync(ILoopbackSide side, int calls, Process self, CancellationToken cancellationToken)
    {
        side.PrepareBlock();
        var cpuBefore = self.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await side.RunBlockAsync(calls, cancellationToken).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var cpu = self.TotalProcessorTime - cpuBefore;
        return new SideTotals(calls, wall, cpu, bytes);
    }
}
