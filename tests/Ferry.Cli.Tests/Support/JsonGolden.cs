using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Ferry.Cli.Tests;

/// <summary>
/// Pins the exact bytes of <c>--json</c> documents: property names, order, number-or-string, nulls, escaping and
/// indentation. Several runs go into one golden file under Golden/; clock readings (epoch milliseconds) and journal ids
/// are the only values masked, since they come from the wall clock and a random source. A mismatch writes the actual text beside the golden as
/// <c>.received</c>, to diff.
/// </summary>
internal sealed partial class JsonGolden(string name, [CallerFilePath] string callerFile = "")
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds one run: the command line as a heading, then what it printed, with its exit code.</summary>
    public void Add(IEnumerable<string> args, CliRun.Result run)
    {
        _text.Append("### ferry ").Append(string.Join(' ', args)).Append(" -> exit ").Append(run.ExitCode).Append('\n');
        var text = EpochMilliseconds().Replace(run.Out.ReplaceLineEndings("\n"), "<epoch-ms>");
        _text.Append(JournalId().Replace(text, "<journal-id>"));
    }

    public void Verify()
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden");
        var golden = Path.Combine(folder, name + ".txt");
        var received = Path.Combine(folder, name + ".received.txt");
        var actual = _text.ToString();
        if (File.Exists(golden) && File.ReadAllText(golden).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"The --json documents differ from {golden}; compare it with {received}.");
    }

    [GeneratedRegex(@"(?<![0-9])1[0-9]{12}(?![0-9])")]
    private static partial Regex EpochMilliseconds();

    /// <summary>Journal ids hold the clock and random digits.</summary>
    [GeneratedRegex(@"J[0-9]{14}-[0-9a-f]{10}")]
    private static partial Regex JournalId();
}
