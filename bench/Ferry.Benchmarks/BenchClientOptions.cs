using Ferry.Binance;

namespace Ferry.Benchmarks;

/// <summary>Client options for benchmarks: Binance's defaults, except budgets so large that the limiter never waits.</summary>
public static class BenchClientOptions
{
    /// <summary>A budget far above anything a run can use, yet far from int overflow (Used + weight is an int).</summary>
    public const int HugeBudget = 1_000_000_000;

    /// <summary>
    /// <paramref name="weightWindow"/> defaults to Binance's minute; in-memory benchmarks pass one second, since
    /// millions of calls a minute could otherwise exhaust even a huge budget and make the limiter wait.
    /// </summary>
    public static BinanceClientOptions Create(Uri baseAddress, TimeSpan? weightWindow = null) => new()
    {
        BaseAddress = baseAddress,
        WeightWindow = weightWindow ?? TimeSpan.FromMinutes(1),
        IpWeightPerMinute = HugeBudget,
        UidWeightPerMinute = HugeBudget,
        ApiIpWeightPerMinute = HugeBudget,
    };
}
