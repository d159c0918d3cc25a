using System.Globalization;

namespace Ferry.Benchmarks.Sim;

/// <summary>The arguments of <c>sim</c>: <c>--seconds S</c> (3, measured per phase), <c>--warmup-seconds W</c> (2),
/// <c>--rounds R</c> (3), <c>--concurrency C</c> (32 request loops), <c>--moves M</c> (300000 history rows),
/// <c>--timeout S</c> (900 s for the whole run).</summary>
public sealed record SimBenchOptions(double Seconds, double WarmupSeconds, int Rounds, int Concurrency, int Moves, TimeSpan Timeout)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static SimBenchOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var seconds = 3.0;
        var warmup = 2.0;
        var rounds = 3;
        var concurrency = 32;
        var moves = 300_000;
        var timeout = 900;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !double.TryParse(args[i + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{name}' needs a number after it.";
                return null;
            }

            i++;
            switch (name)
            {
                case "--seconds": seconds = value; break;
                case "--warmup-seconds": warmup = value; break;
                case "--rounds": rounds = (int)value; break;
                case "--concurrency": concurrency = (int)value; break;
                case "--moves": moves = (int)value; break;
                case "--timeout": timeout = (int)value; break;
                default:
                    problem = $"Unknown option '{name}' (use --seconds S, --warmup-seconds W, --rounds R, --concurrency C, --moves M, --timeout SECONDS).";
                    return null;
            }
        }

        if (seconds <= 0 || rounds < 1 || concurrency < 1 || moves < 1 || timeout < 1)
        {
            problem = "--seconds, --rounds, --concurrency, --moves and --timeout must be positive.";
            return null;
        }

        return new SimBenchOptions(seconds, warmup, rounds, concurrency, moves, TimeSpan.FromSeconds(timeout));
    }
}
