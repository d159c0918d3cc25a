namespace Ferry.Benchmarks.Startup;

/// <summary>What one whole run of a program cost: wall time from start to exit, and the CPU time it used.</summary>
public readonly record struct RunTime(TimeSpan Wall, TimeSpan Cpu);
