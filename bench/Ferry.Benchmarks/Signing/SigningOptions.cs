using System.Globalization;

namespace Ferry.Benchmarks.Signing;

/// <summary>The arguments of <c>signing</c>: <c>--signatures N</c> (20000), <c>--warmup W</c> (20000), <c>--block B</c> (500).</summary>
public sealed record SigningOptions(int Signatures, int Warmup, int Block)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static SigningOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var signatures = 20_000;
        // Enough calls for tiered JIT to promote the signing loops before anything is measured.
        var warmup = 20_000;
        var block = 500;
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
                case "--signatures": signatures = value; break;
                case "--warmup": warmup = value; break;
                case "--block": block = value; break;
                default:
                    problem = $"Unknown option '{name}' (use --signatures N, --warmup W, --block B).";
                    return null;
            }
        }

        if (signatures < 1 || block < 1)
        {
            problem = "--signatures and --block must be at least 1.";
            return null;
        }

        return new SigningOptions(signatures, warmup, Math.Min(block, signatures));
    }
}
