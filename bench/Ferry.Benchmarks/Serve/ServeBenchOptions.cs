using System.Globalization;

namespace Ferry.Benchmarks.Serve;

/// <summary>The arguments of <c>serve</c>: <c>--clients C</c> (50 concurrent request loops), <c>--seconds S</c> (5,
/// measured per phase), <c>--warmup-seconds W</c> (2), <c>--rounds R</c> (3), <c>--moves M</c> (200 executed through
/// the API before measuring, so the journal list has rows to read), <c>--cli DIR</c> (a published ferry; published into
/// a temp folder when absent), <c>--timeout S</c> (900 s for the whole run).</summary>
public sealed record ServeBenchOptions(int Clients, double Seconds, double WarmupSeconds, int Rounds, int Moves, string? CliFolder, TimeSpan Timeout)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static ServeBenchOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var clients = 50;
        var seconds = 5.0;
        var warmup = 2.0;
        var rounds = 3;
        var moves = 200;
        string? cli = null;
        var timeout = 900;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"'{name}' needs a value after it.";
                return null;
            }

            var text = args[++i];
            if (name == "--cli")
            {
                cli = text;
                continue;
            }

            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{name}' needs a number after it, not '{text}'.";
                return null;
            }

            switch (name)
            {
                case "--clients": clients = (int)value; break;
                case "--seconds": seconds = value; break;
                case "--warmup-seconds": warmup = value; break;
                case "--rounds": rounds = (int)value; break;
                case "--moves": moves = (int)value; break;
                case "--timeout": timeout = (int)value; break;
                default:
                    problem = $"Unknown option '{name}' (use --clients C, --seconds S, --warmup-seconds W, --rounds R, --moves M, --cli DIR, --timeout SECONDS).";
                    return null;
            }
        }

        if (clients < 1 || seconds <= 0 || rounds < 1 || moves < 0 || timeout < 1)
        {
            problem = "--clients, --seconds, --rounds and --timeout must be positive, and --moves at least 0.";
            return null;
        }

        return new ServeBenchOptions(clients, seconds, warmup, rounds, moves, cli, TimeSpan.FromSeconds(timeout));
    }
}
