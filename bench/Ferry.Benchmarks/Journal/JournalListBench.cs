using System.Diagnostics;
using System.Globalization;
using Ferry.Engine.Journal;
using Microsoft.Data.Sqlite;

namespace Ferry.Benchmarks.Journal;

/// <summary>
/// How the journal's reads grow with its size: a small and a big journal (legs bulk-inserted straight into the file:
/// done lone legs, with a two-leg route every 100 legs, the newest leg a lone one), then the mean time of opening it,
/// of <c>List(limit: 50)</c> (what <c>ferry journal list</c> reads) and of the <c>resume latest</c> lookup (the newest
/// route and its legs, as <c>TransferService.FindRoute</c> and <c>RouteLegs</c> read them). Last line:
/// <c>small=S big=L open_ratio=.. list50_ratio=.. resume_latest_ratio=..</c> (big over small).
/// </summary>
public static class JournalListBench
{
    private const int RouteEvery = 100;

    public static void Run(JournalBenchOptions options)
    {
        var small = Measure(options.Small);
        var big = Measure(options.Big);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"{"legs",-10}{"open µs",12}{"list50 µs",12}{"resume-latest µs",18}"));
        foreach (var (legs, t) in new[] { (options.Small, small), (options.Big, big) })
        {
            Console.WriteLine(string.Create(inv, $"{legs,-10}{t.Open,12:0}{t.List,12:0}{t.Resume,18:0}"));
        }

        Console.WriteLine(string.Create(inv,
            $"small={options.Small} big={options.Big} open_ratio={big.Open / small.Open:0.00} list50_ratio={big.List / small.List:0.00} resume_latest_ratio={big.Resume / small.Resume:0.00}"));
    }

    private static (double Open, double List, double Resume) Measure(int legs)
    {
        var folder = Directory.CreateTempSubdirectory("ferry-journal-list-bench-");
        try
        {
            var path = SqliteTransferJournal.PathUnder(folder.FullName);
            SqliteTransferJournal.Open(path).Dispose();
            Fill(path, legs);
            var open = Mean(() => SqliteTransferJournal.Open(path).Dispose());
            using var journal = SqliteTransferJournal.Open(path);
            var list = Mean(() => Require(journal.List(limit: 50).Count == Math.Min(50, legs)));
            var resume = Mean(() =>
            {
                var route = LatestRoute(journal) ?? throw new InvalidOperationException("The bench journal holds no route.");
                Require(journal.ForRoute(route).Count == 2);
            });
            return (open, list, resume);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The newest route, read the way the service reads it for <c>resume latest</c>.</summary>
    private static string? LatestRoute(ITransferJournal journal) => journal.LatestRouteId();

    /// <summary>The mean of up to 200 runs after one warm-up run, stopping after 3 runs once 2 s have passed (a slow read
    /// at the big size would otherwise take minutes).</summary>
    private static double Mean(Action action)
    {
        action();
        var started = Stopwatch.GetTimestamp();
        var runs = 0;
        while (runs < 200 && (runs < 3 || Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2)))
        {
            action();
            runs++;
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / runs;
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
