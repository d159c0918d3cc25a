using System.Globalization;

namespace Ferry.Benchmarks.Loopback;

/// <summary>The arguments of <c>loopback</c>: <c>--calls N</c> (2000), <c>--warmup W</c> (20000), <c>--block B</c> (100), <c>--timeout S</c> (600 s).</summary>
public sealed record LoopbackOptions(int Calls, int Warmup, int Block, TimeSpan Timeout)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static LoopbackOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var calls = 2000;
        // Tiered JIT (tier 0, then tier 1 after a 100 ms quiet spell) needs seconds of traffic in both processes;
        // with 500 warm-up calls the measured blocks still ran partly unoptimised code (2-3x slower, skewed ratios).
        var warmup = 20_000;
        var block = 100;
        var timeoutSeconds = 600;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{name}' needs a whole number after it.";
                return null;
            }

            i++;
            switch (name)
            {
                case "--calls": calls = value; break;
                case "--warmup": warmup = value; break;
                case "--block": block = value; break;
                case "--timeout": timeoutSeconds = value; break;
                default:
                    problem = $"Unknown option '{name}' (use --calls N, --warmup W, --block B, --timeout SECONDS).";
                    return null;
            }
        }

        if (calls < 1 || block < 1 || timeoutSeconds < 1)
        {
            problem = "--calls, --block and --timeout must be at least 1.";
            return null;
        }

        return new LoopbackOptions(calls, warmup, Math.Min(block, calls), TimeSpan.FromSeconds(timeoutSeconds));
    }
}
