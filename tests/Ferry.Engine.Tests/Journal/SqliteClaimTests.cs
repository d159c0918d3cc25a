using Ferry.Engine.Journal;
using Ferry.Engine.Tests.Journal.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>Claims on a SQLite file, and what only a file can do wrong: not be a database, or lie under a file.</summary>
public sealed class SqliteClaimTests : ClaimTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteJournalStore _store;

    public SqliteClaimTests() : this(new SqliteJournalStore()) { }

    private SqliteClaimTests(SqliteJournalStore store) : base(store) => _store = store;

    [Fact]
    public void A_file_that_is_no_journal_is_refused_in_one_sentence()
    {
        File.WriteAllBytes(_store.Path, System.Text.Encoding.ASCII.GetBytes(new string('x', 4096)));
        var e = Assert.Throws<JournalCorruptException>(() => _store.Open(_clock));
        Assert.Equal($"The journal {_store.Path} is not a Ferry journal (not a database file); move it aside to start a new one.", e.Message);
    }

    [Fact]
    public void A_journal_whose_folder_is_a_file_is_an_environment_problem()
    {
        var blocker = System.IO.Path.Combine(_store.Folder, "home");
        File.WriteAllText(blocker, "not a folder");
        var e = Assert.Throws<JournalUnavailableException>(() => SqliteTransferJournal.Open(System.IO.Path.Combine(blocker, "journal.db"), _clock));
        Assert.StartsWith($"The journal's folder {blocker} cannot be created", e.Message);
    }
}
