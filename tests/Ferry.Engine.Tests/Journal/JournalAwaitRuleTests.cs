using System.Text.RegularExpressions;
using Ferry.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>
/// Nothing in src/ blocks on a journal call. The banned-symbol list refuses ValueTask's blocking members (every journal
/// call returns one); this catches what it cannot see: a journal call turned into a Task and then blocked on.
/// </summary>
public sealed partial class JournalAwaitRuleTests
{
    [GeneratedRegex(@"\.AsTask\(\)\s*\.\s*(Result\b|Wait\(|GetAwaiter\(\)\s*\.\s*GetResult\()")]
    private static partial Regex BlockedValueTask();

    [Fact]
    public void No_source_file_blocks_on_a_journal_call_turned_into_a_task()
    {
        var src = Path.Combine(RepositoryFolder.Root(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => BlockedValueTask().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Await the journal instead of blocking on it:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_rule_sees_a_blocked_journal_call()
    {
        Assert.Matches(BlockedValueTask(), "var e = journal.FindAsync(id).AsTask().Result;");
        Assert.Matches(BlockedValueTask(), "journal.ReleaseAsync(s).AsTask().Wait();");
        Assert.Matches(BlockedValueTask(), "journal.ListAsync().AsTask().GetAwaiter().GetResult();");
        Assert.DoesNotMatch(BlockedValueTask(), "var e = await journal.FindAsync(id).ConfigureAwait(false);");
    }
}
