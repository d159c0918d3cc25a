using System.Globalization;

namespace Ferry.Benchmarks.Journal;

/// <summary>The arguments of <c>journal</c>: <c>--legs N</c> (2000 measured legs per side), <c>--warmup W</c> (3000 per
/// side), <c>--block B</c> (100), <c>--small S</c> (100) and <c>--big L</c> (100,000) journal sizes for the list figures,
/// <c>--repeats R</c> (300) measured rounds of the list figures, and <c>--dir PATH</c>: the folder the journals and the
/// sync floor's file are made in (default: the temporary folder), e.g. <c>/dev/shm</c>, where a sync costs nothing.</summary>
public sealed record JournalBenchOptions(int Legs, int Warmup, int Block, int Small, int Big, int Repeats, string? Dir)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static JournalBenchOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        int legs = 2000, warmup = 3000, block = 100, small = 100, big = 100_000, repeats = 300;
        string? dir = null;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--dir")
            {
                if (i + 1 >= args.Count || !Directory.Exists(args[i + 1]))
                {
                    problem = "'--dir' needs an existing folder after it.";
                    return null;
                }

                dir = Path.GetFullPath(args[++i]);
                continue;
            }

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
                case "--repeats": repeats = value; break;
                default:
                    problem = $"Unknown option '{name}' (use --legs N, --warmup W, --block B, --small S, --big L, --repeats R, --dir PATH).";
                    return null;
            }
        }

        return new JournalBenchOptions(legs, warmup, Math.Min(block, legs), small, big, repeats, dir);
    }

    /// <summary>A new empty folder for one journal under <see cref="Dir"/> (or the temporary folder).</summary>
    public DirectoryInfo NewFolder(string prefix) =>
        Dir is null ? Directory.CreateTempSubdirectory(prefix) : Directory.CreateDirectory(Path.Combine(Dir, prefix + Guid.NewGuid().ToString("N")[..8]));
}
