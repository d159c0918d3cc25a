using System.Globalization;

namespace Ferry.Benchmarks.Startup;

/// <summary>
/// The arguments of <c>startup</c>: <c>--runs N</c> (15) measured runs of each command; <c>--cli DIR</c> and
/// <c>--hello DIR</c> use folders published before instead of publishing into a temp folder (to compare builds);
/// <c>--native</c> publishes ferry as Native AOT (<c>-p:FerryNative=true</c>) instead of the default ReadyToRun build.
/// </summary>
public sealed record StartupOptions(int Runs, string? CliFolder, string? HelloFolder, bool Native = false)
{
    /// <summary>Parses the arguments; returns null and writes one sentence to <paramref name="problem"/> when they are bad.</summary>
    public static StartupOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var runs = 15;
        string? cli = null;
        string? hello = null;
        var native = false;
        problem = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name == "--native")
            {
                native = true;
                i--;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"'{name}' needs a value after it.";
                return null;
            }

            var value = args[i + 1];
            switch (name)
            {
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    runs = n;
                    break;
                case "--runs":
                    problem = "--runs needs a whole number of at least 1.";
                    return null;
                case "--cli":
                    cli = Path.GetFullPath(value);
                    break;
                case "--hello":
                    hello = Path.GetFullPath(value);
                    break;
                default:
                    problem = $"Unknown option '{name}' (use --runs N, --cli DIR, --hello DIR, --native).";
                    return null;
            }
        }

        if (native && cli is not null)
        {
            problem = "--native publishes ferry itself; it cannot be used with --cli DIR.";
            return null;
        }

        return new StartupOptions(runs, cli, hello, native);
    }
}
