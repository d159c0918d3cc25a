using System.Diagnostics;
using System.Globalization;
using Ferry.Engine.Journal;
using Microsoft.Data.Sqlite;

namespace Ferry.Benchmarks.Journal;

/// <summary>
/// How the journal's reads grow with its size: a small and a big journal (legs bulk-inserted straight into the file:
/// done lone legs, with a two-leg route every 100 legs, the newest leg a lone one), then the median time of opening it,
/// of <c>List(limit: 50)</c> (what <c>ferry journal list</c> reads) and of the <c>resume latest</c> lookup (the newest
/// route and its legs, as <c>TransferService.FindRoute</c> and <c>RouteLegs</c> read them). Measured fairly: both
/// journals are filled first, both files checkpointed (the fill's WAL written into the database and truncated), the
/// fill's garbage collected by a full blocking GC, and then each read runs on the small and the big journal back to back,
/// in alternating order, for R rounds after 20 unmeasured ones; the figures are medians. Last line:
/// <c>small=S big=L open_ratio=.. list50_ratio=.. resume_latest_ratio=..</c> (big over small).
/// </summary>
public static class JournalListBench
{
    private const int RouteEvery = 100;
    private const int WarmupRounds = 20;

    private sealed record Side(int Legs, string Path, ITransferJournal Journal);

    private static readonly (string Name, Action<Side> Read)[] Reads =
    [
        ("open", side => SqliteTransferJournal.Open(side.Path).Dispose()),
        ("list50", side => Require(side.Journal.List(limit: 50).Count == Math.Min(50, side.Legs))),
        ("resume-latest", side =>
        {
            var route = side.Journal.LatestRouteId() ?? throw new InvalidOperationException("The bench journal holds no route.");
            Require(side.Journal.ForRoute(route).Count == 2);
        }),
    ];

    public static void Run(JournalBenchOptions options)
    {
        var folders = new[] { options.NewFolder("ferry-journal-list-bench-"), options.NewFolder("ferry-journal-list-bench-") };
        try
        {
            var smallPath = Prepare(folders[0].FullName, options.Small);
            var bigPath = Prepare(folders[1].FullName, options.Big);
            FullGc();
            using var smallJournal = SqliteTransferJournal.Open(smallPath);
            using var bigJournal = SqliteTransferJournal.Open(bigPath);
            var sides = new[] { new Side(options.Small, smallPath, smallJournal), new Side(options.Big, bigPath, bigJournal) };
            var samples = new double[2, Reads.Length, options.Repeats];
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            for (var round = 0; round < WarmupRounds + options.Repeats; round++)
            {
                for (var read = 0; read < Reads.Length; read++)
                {
                    for (var k = 0; k < 2; k++)
                    {
                        // Alternate which size goes first, so drift and cache effects hit both alike.
                        var side = (round + k) % 2;
                        var started = Stopwatch.GetTimestamp();
                        Reads[read].Read(sides[side]);
                        var micros = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                        if (round >= WarmupRounds) samples[side, read, round - WarmupRounds] = micros;
                    }
                }
            }

            Print(options, samples, gcBefore);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in folders) folder.Delete(recursive: true);
        }
    }

    private static void Print(JournalBenchOptions options, double[,,] samples, (int, int, int) gcBefore)
    {
        var inv = CultureInfo.InvariantCulture;
        var median = new double[2, Reads.Length];
        for (var side = 0; side < 2; side++)
        {
            for (var read = 0; read < Reads.Length; read++)
            {
                var values = Enumerable.Range(0, options.Repeats).Select(i => samples[side, read, i]).Order().ToArray();
                median[side, read] = values[values.Length / 2];
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"{"legs",-10}{"open µs",12}{"list50 µs",12}{"resume-latest µs",18}   (medians of {options.Repeats} interleaved rounds)"));
        foreach (var (side, legs) in new[] { (0, options.Small), (1, options.Big) })
        {
            Console.WriteLine(string.Create(inv, $"{legs,-10}{median[side, 0],12:0}{median[side, 1],12:0}{median[side, 2],18:0}"));
        }

        Console.WriteLine(string.Create(inv,
            $"garbage collections while measuring (gen 0/1/2): {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}"));
        Console.WriteLine(string.Create(inv,
            $"small={options.Small} big={options.Big} open_ratio={median[1, 0] / median[0, 0]:0.00} list50_ratio={median[1, 1] / median[0, 1]:0.00} resume_latest_ratio={median[1, 2] / median[0, 2]:0.00}"));
    }

    /// <summary>Creates a journal of <paramref name="legs"/> legs in <paramref name="folder"/> and checkpoints it, so the
    /// fill's write-ahead log is in the database file and emptied before anything is measured.</summary>
    private static string Prepare(string folder, int legs)
    {
        var path = SqliteTransferJournal.PathUnder(folder);
        SqliteTransferJournal.Open(path).Dispose();
        Fill(path, legs);
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var checkpoint = c.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
        return path;
    }

    /// <summary>A full, blocking, compacting collection (twice, around the finalizers): the fill's garbage is gone before
    /// the first measured read, so no read pays for a collection the fill caused.</summary>
    private static void FullGc()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static void Require(bool condition)
    {
        if (!condition) throw new InvalidOperationException("A journal read returned an unexpected result.");
    }

    /// <summary>Writes <paramref name="legs"/> done legs (and their events) in one transaction, bypassing the journal.</summary>
    private static void Fill(string path, int legs)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var tx = c.BeginTransaction();
        using var leg = c.CreateCommand();
        leg.Transaction = tx;
        leg.CommandText = """
            INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
              client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, exchange_id, route_id, route_leg)
            VALUES ($id, NULL, 'WalletUniversalTransfer', 'binance', 'bench', 'POST /sapi/v1/asset/transfer',
              '[["type","MAIN_UMFUTURE"],["asset","USDT"],["amount","1"]]', 'spot', 'usdm', 'USDT', '1', NULL, 'done', 1,
              $at, $at, $at, $x, $route, $position);
            """;
        using var evt = c.CreateCommand();
        evt.Transaction = tx;
        evt.CommandText = """
            INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail) VALUES
              ($id, 1, $at, 1, NULL, 'planned', NULL), ($id, 2, $at, 1, 'planned', 'sending', NULL), ($id, 3, $at, 1, 'sending', 'done', $x);
            """;
        var id = leg.Parameters.Add("$id", SqliteType.Text);
        var at = leg.Parameters.Add("$at", SqliteType.Integer);
        var x = leg.Parameters.Add("$x", SqliteType.Text);
        var route = leg.Parameters.Add("$route", SqliteType.Text);
        var position = leg.Parameters.Add("$position", SqliteType.Integer);
        var eid = evt.Parameters.Add("$id", SqliteType.Text);
        var eat = evt.Parameters.Add("$at", SqliteType.Integer);
        var ex = evt.Parameters.Add("$x", SqliteType.Text);
        var start = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        for (var i = 0; i < legs; i++)
        {
            // The newest leg is a lone one, so the newest route is not simply the newest row.
            var inRoute = i % RouteEvery < 2 && i < legs - 1;
            id.Value = eid.Value = string.Create(CultureInfo.InvariantCulture, $"J{i:D14}-bench");
            at.Value = eat.Value = start + i;
            x.Value = ex.Value = i.ToString(CultureInfo.InvariantCulture);
            route.Value = inRoute ? string.Create(CultureInfo.InvariantCulture, $"R{i / RouteEvery:D14}-bench") : DBNull.Value;
            position.Value = inRoute ? i % RouteEvery + 1 : DBNull.Value;
            leg.ExecuteNonQuery();
            evt.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
