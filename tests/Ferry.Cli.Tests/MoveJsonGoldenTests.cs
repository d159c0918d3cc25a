using System.Text.RegularExpressions;

namespace Ferry.Cli.Tests;

/// <summary>
/// The exact <c>--json</c> documents of <c>ferry transfer</c>, <c>ferry journal</c>, <c>ferry sweep</c> and
/// <c>ferry rebalance</c> on the embedded simulator: single legs done and rejected, HTX, dry runs, routes, and the JSON
/// Lines of a sweep or rebalance. Route and run ids hold the clock and random digits, so they are masked too.
/// </summary>
public sealed partial class MoveJsonGoldenTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_transfer_documents_keep_their_shape()
    {
        var golden = new JsonGolden("transfer");
        string[][] runs =
        [
            ["transfer", "10", "USDT", "--from", "spot", "--to", "usdm"],
            ["transfer", "1000000", "USDT", "--from", "spot", "--to", "usdm"],
            ["transfer", "1", "USDT", "--from", "spot", "--to", "bob@example.com/usdm"],
            ["transfer", "3", "USDT", "--from", "spot", "--to", "alice@example.com/spot"],
            ["transfer", "1", "USDT", "--from", "spot", "--to", "funding", "--dry-run"],
            ["transfer", "5", "USDT", "--from", "htx:spot", "--to", "htx:swap"],
            ["transfer", "5", "USDT", "--from", "htx:spot", "--to", "htx:swap", "--dry-run"],
            ["transfer", "50", "USDT", "--from", "margin", "--to", "alice@example.com/isolated:BTCUSDT", "--dry-run"],
            ["transfer", "20", "USDT", "--from", "margin", "--to", "alice@example.com/usdm"],
        ];
        foreach (var args in runs) golden.Add(args, Masked(await _cli.RunAsync([.. args, "--json"])));
        golden.Verify();
    }

    [Fact]
    public async Task The_journal_documents_keep_their_shape()
    {
        var golden = new JsonGolden("journal");
        golden.Add(["journal", "list"], Masked(await _cli.RunAsync("journal", "list", "--json")));
        Assert.Equal(0, (await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "usdm")).ExitCode);
        Assert.Equal(1, (await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "bob@example.com/usdm")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("transfer", "3", "USDT", "--from", "spot", "--to", "alice@example.com/spot")).ExitCode);
        var route = await _cli.RunAsync("transfer", "20", "USDT", "--from", "margin", "--to", "alice@example.com/usdm", "--json");
        Assert.True(route.ExitCode == 0, route.All);
        var routeId = RouteId().Match(route.Out).Value;
        // Bob has not enabled futures: the route's second leg is refused and the money stops in the master's usdm.
        var stopped = await _cli.RunAsync("transfer", "20", "USDT", "--from", "margin", "--to", "bob@example.com/usdm", "--json");
        golden.Add(["transfer", "20", "USDT", "--from", "margin", "--to", "bob@example.com/usdm"], Masked(stopped));
        var stoppedId = RouteId().Match(stopped.Out).Value;
        string[][] runs =
        [
            ["journal", "list"],
            ["journal", "list", "--state", "rejected"],
            ["journal", "show", "latest"],
            ["journal", "reconcile"],
            ["journal", "reconcile", "latest"],
            ["journal", "resume", routeId],
            ["journal", "resume", stoppedId],
        ];
        foreach (var args in runs) golden.Add(args.Select(a => a == routeId || a == stoppedId ? "<route-id>" : a), Masked(await _cli.RunAsync([.. args, "--json"])));
        golden.Verify();
    }

    [Fact]
    public async Task The_sweep_and_rebalance_json_lines_keep_their_shape()
    {
        var golden = new JsonGolden("moves");
        var plan = Path.Combine(_cli.Home, "plan.yaml");
        File.WriteAllText(plan, "assets:\n  USDT:\n    alice@example.com/spot: 50%\n    bob@example.com/spot: rest\n");
        string[][] runs =
        [
            ["sweep", "USDT", "--to", "spot", "--keep", "100", "--dry-run"],
            ["sweep", "USDT", "--to", "spot", "--keep", "400"],
            ["sweep", "USDT", "--to", "spot", "--keep", "400"],
            ["rebalance", plan, "--dry-run"],
            ["rebalance", plan],
            ["rebalance", plan],
        ];
        foreach (var args in runs) golden.Add(args.Select(a => a == plan ? "plan.yaml" : a), Masked(await _cli.RunAsync([.. args, "--json"])));
        golden.Verify();
    }

    private static CliRun.Result Masked(CliRun.Result run) =>
        run with { Out = ClientTranId().Replace(RunId().Replace(RouteId().Replace(run.Out, "<route-id>"), "<run-id>"), "<client-tran-id>") };

    /// <summary>Ferry's clientTranIds are random.</summary>
    [GeneratedRegex(@"ferry[0-9a-f]{24}")]
    private static partial Regex ClientTranId();

    [GeneratedRegex(@"R[0-9]{14}-[0-9a-f]+")]
    private static partial Regex RouteId();

    [GeneratedRegex(@"(?<=""runId"": "")[^""]+")]
    private static partial Regex RunId();
}
