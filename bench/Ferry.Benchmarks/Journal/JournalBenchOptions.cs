using System.Globalization;

namespace Ferry.Benchmarks.Journal;

/// <summary>The arguments of <c>journal</c>: <c>--legs N</c> (2000 measured legs per side), <c>--warmup W</c> (3000 per
/// side), <c>--block B</c> (100), <c>--small S</c> (100) and <c>--big L</c> (100,000) journal sizes for the list figures.</summary>
public sealed record JournalBenchOptions(int Legs, int Warmup, int Block, int Small, int Big)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static JournalBenchOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        int legs = 2000, warmup = 3000, block = 100, small = 100, big = 100_000;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                problem = $"'{name}' needs a positive whole number after it.";
                return null;
            }

            i++;
            switch (name)
            {
                case "--legs": legs = value; break;
                case "--warmup": warmup = value; break;
                case "--block": block = value; break;
                case "--small": small = value; break;
                case "--big": big = value; break;
                default:
                    problem = $"Unknown option '{name}' (use --legs N, --warmup W, --block B, --small S, --big L).";
                    return null;
            }
        }

        return new JournalBenchOptions(legs, warmup, Math.Min(block, legs), small, big);
    }
}
