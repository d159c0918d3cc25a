using System.Collections.Concurrent;
using Ferry.Engine.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Journal;

/// <summary>What the SQLite journal logs with its stable event ids: a migration, a refused compare-and-set, a claim
/// refused and a claim taken over; and that it logs nothing without a logger.</summary>
public sealed class JournalLogTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-journal-log-").FullName;
    private readonly Lines _log = new();

    private string Path => System.IO.Path.Combine(_dir, "journal.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static LegDescription Leg() => new("WalletUniversalTransfer", "binance", "main", "POST /sapi/v1/asset/transfer",
        [new("type", "MAIN_FUNDING")], "spot", "funding", "USDT", 10m);

    [Fact]
    public async Task A_migration_a_refused_transition_and_a_claim_refused_then_taken_over_are_each_logged_once_with_their_event_id()
    {
        var clockA = new FakeTimeProvider(Start);
        var clockB = new FakeTimeProvider(Start);
        var lease = new JournalClaimOptions { Lease = TimeSpan.FromSeconds(30) };
        await using var a = SqliteTransferJournal.Open(Path, clockA, lease, _log);
        Assert.Equal([1201], _log.Ids);
        Assert.Contains($"schema migrated from 0 to {SqliteTransferJournal.SchemaVersion}", _log.Messages[0]);
        await using var b = SqliteTransferJournal.Open(Path, clockB, lease, _log);
        Assert.Equal([1201], _log.Ids); // the second open finds the schema current

        var entry = await a.PlanAsync(Leg());
        await Assert.ThrowsAsync<IllegalTransitionException>(async () => await a.TransitionAsync(entry.Id, LegState.Sending, LegState.Done));
        Assert.Equal([1201, 1202], _log.Ids);
        Assert.Contains($"journal {entry.Id}: sending -> done refused; the entry is planned", _log.Messages[1]);

        Assert.True((await a.ClaimAsync("route:R1")).Succeeded);
        Assert.False((await b.ClaimAsync("route:R1")).Succeeded);
        Assert.Equal([1201, 1202, 1203], _log.Ids);
        clockB.Advance(TimeSpan.FromSeconds(31));
        Assert.True((await b.ClaimAsync("route:R1")).Succeeded);
        Assert.Equal([1201, 1202, 1203, 1204], _log.Ids);
        Assert.Equal(LogLevel.Warning, _log.Levels[3]);
        Assert.Contains("taken over by", _log.Messages[3]);
        Assert.Contains("its lease ran out", _log.Messages[3]);
    }

    /// <summary>Every line, in order.</summary>
    private sealed class Lines : ILogger
    {
        private readonly ConcurrentQueue<(int Id, LogLevel Level, string Message)> _lines = new();

        public IReadOnlyList<int> Ids => [.. _lines.Select(l => l.Id)];

        public IReadOnlyList<LogLevel> Levels => [.. _lines.Select(l => l.Level)];

        public IReadOnlyList<string> Messages => [.. _lines.Select(l => l.Message)];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
