using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Ferry.Benchmarks.Micro;

/// <summary>
/// One short job (1 launch, 3 warm-up and 5 measured iterations of about 250 ms) with the memory diagnoser,
/// so the whole suite finishes in a few minutes on two cores.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        // Loggers, columns and exporters of the default config; only the job is ours.
        Add(DefaultConfig.Instance);
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
