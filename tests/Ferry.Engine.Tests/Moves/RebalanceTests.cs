using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Moves;

public sealed class RebalanceTests
{
    private static WalletAddress W(string text) => WalletAddress.Parse(text);

    private static Dictionary<WalletAddress, decimal> Free(params (string, decimal)[] rows) => rows.ToDictionary(r => W(r.Item1), r => r.Item2);

    private static IReadOnlyList<RebalanceMove> Solve(string yaml, Dictionary<WalletAddress, decimal> free)
    {
        var asset = Assert.Single(RebalanceFile.Parse(yaml));
        var targets = RebalancePlanner.Targets(asset, free);
        var moves = RebalancePlanner.Moves(asset.Asset, free, targets);
        // Applying the moves reaches every target exactly and conserves the total.
        var after = new Dictionary<WalletAddress, decimal>(free);
        foreach (var m in moves)
        {
            Assert.True(m.Amount > 0);
            after[m.From] -= m.Amount;
            after[m.To] += m.Amount;
        }
        foreach (var (wallet, target) in targets) Assert.Equal(target, after[wallet]);
        Assert.Equal(free.Values.Sum(), after.Values.Sum());
        return moves;
    }

    [Fact]
    public void Amount_targets()
    {
        var moves = Solve("""
            assets:
              USDT:
                alice@example.com/spot: 100
                bob@example.com/spot: 300
                carol@example.com/margin: 200
            """, Free(("alice@example.com/spot", 400m), ("bob@example.com/spot", 0m), ("carol@example.com/margin", 200m)));
        var move = Assert.Single(moves);
        Assert.Equal((W("alice@example.com/spot"), W("bob@example.com/spot"), 300m), (move.From, move.To, move.Amount));
    }

    [Fact]
    public void Share_targets_and_rest()
    {
        var moves = Solve("""
            assets:
              USDT:
                alice@example.com/spot: 25%
                bob@example.com/spot: 25%
                carol@example.com/spot: rest
            """, Free(("alice@example.com/spot", 1000m), ("bob@example.com/spot", 0m), ("carol@example.com/spot", 0m)));
        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Equal(W("alice@example.com/spot"), m.From));
        Assert.Equal([250m, 500m], moves.Select(m => m.Amount).Order());
    }

    [Fact]
    public void Shares_of_100_percent_give_the_rounding_dust_to_the_last_share()
    {
        var asset = Assert.Single(RebalanceFile.Parse("assets:\n  BTC:\n    a@example.com/spot: 33.333333%\n    b@example.com/spot: 33.333333%\n    c@example.com/spot: 33.333334%\n"));
        var free = Free(("a@example.com/spot", 0.00000001m), ("b@example.com/spot", 0m), ("c@example.com/spot", 0m));
        var targets = RebalancePlanner.Targets(asset, free);
        Assert.Equal(0.00000001m, targets.Values.Sum());
        Assert.Equal(0.00000001m, targets[W("c@example.com/spot")]);
    }

    [Fact]
    public void Already_balanced_needs_no_move()
    {
        Assert.Empty(Solve("assets:\n  USDT:\n    a@example.com/spot: 50%\n    b@example.com/usdm: 50%\n",
            Free(("a@example.com/spot", 10m), ("b@example.com/usdm", 10m))));
    }

    [Theory]
    [InlineData("    a@example.com/spot: 70\n    b@example.com/spot: 50\n", "need 120, but the listed wallets hold 100 free in total; lower the targets by 20")]
    [InlineData("    a@example.com/spot: 30\n    b@example.com/spot: 50\n", "leaving 20 without a wallet")]
    [InlineData("    a@example.com/spot: 60%\n    b@example.com/spot: 30\n", "leaving 10 without a wallet")]
    public void Infeasible_targets_are_refused_in_one_sentence(string wallets, string expected)
    {
        var asset = Assert.Single(RebalanceFile.Parse("assets:\n  USDT:\n" + wallets));
        var e = Assert.Throws<TransferPlanningException>(() =>
            RebalancePlanner.Targets(asset, Free(("a@example.com/spot", 100m), ("b@example.com/spot", 0m))));
        Assert.Contains(expected, e.Message);
        Assert.Contains("(line 2)", e.Message);
    }

    [Fact]
    public void Fewest_moves_finds_zero_sum_groups_that_plain_greedy_misses()
    {
        // Off by +7 +3 −6 −4 +5 −5: the best split into zero-sum groups is {+5,−5} {+7,+3,−6,−4}, so the minimum is
        // 6 wallets − 2 groups = 4 moves.
        var names = new[] { "a", "b", "c", "d", "e", "f" };
        var diffs = new[] { 7m, 3m, -6m, -4m, 5m, -5m };
        var free = names.Select((n, i) => ($"{n}@example.com/spot", 10m + diffs[i])).ToArray();
        var targets = names.ToDictionary(n => W($"{n}@example.com/spot"), _ => 10m);
        var moves = RebalancePlanner.Moves("USDT", Free(free), targets);
        Assert.Equal(4, moves.Count);
        Assert.Equal(BruteForceMinimum(diffs), moves.Count);
    }

    [Fact]
    public void The_exact_solver_matches_a_brute_force_minimum_on_random_instances()
    {
        var random = new Random(9);
        for (var round = 0; round < 200; round++)
        {
            var n = random.Next(2, 8);
            var diffs = new decimal[n];
            for (var i = 0; i < n - 1; i++) diffs[i] = random.Next(-4, 5);
            diffs[n - 1] = -diffs.Take(n - 1).Sum();
            var free = Enumerable.Range(0, n).Select(i => ($"w{i}@example.com/spot", 100m + diffs[i])).ToArray();
            var targets = Enumerable.Range(0, n).ToDictionary(i => W($"w{i}@example.com/spot"), _ => 100m);
            var moves = RebalancePlanner.Moves("USDT", Free(free), targets);
            Assert.True(BruteForceMinimum(diffs) == moves.Count, $"seed 9 round {round}: diffs {string.Join(",", diffs)} took {moves.Count} moves");
        }
    }

    [Fact]
    public void Above_the_exact_limit_the_moves_stay_within_n_minus_1()
    {
        var random = new Random(3);
        var n = 200;
        var diffs = Enumerable.Range(0, n - 1).Select(_ => (decimal)random.Next(-1000, 1000) / 100).ToList();
        diffs.Add(-diffs.Sum());
        var free = Enumerable.Range(0, n).Select(i => ($"w{i}@example.com/spot", 100m + diffs[i])).ToArray();
        var targets = Enumerable.Range(0, n).ToDictionary(i => W($"w{i}@example.com/spot"), _ => 100m);
        var moves = RebalancePlanner.Moves("USDT", Free(free), targets);
        Assert.InRange(moves.Count, 1, diffs.Count(d => d != 0) - 1);
    }

    /// <summary>k − (the most zero-sum groups over every set partition of the non-zero diffs).</summary>
    private static int BruteForceMinimum(decimal[] diffs)
    {
        var off = diffs.Where(d => d != 0).ToList();
        int Best(List<decimal> rest)
        {
            if (rest.Count == 0) return 0;
            var first = rest[0];
            var best = -1;
            var others = rest.Skip(1).ToList();
            for (var mask = 0; mask < 1 << others.Count; mask++)
            {
                var group = first + Enumerable.Range(0, others.Count).Where(i => (mask & (1 << i)) != 0).Sum(i => others[i]);
                if (group != 0) continue;
                var left = Enumerable.Range(0, others.Count).Where(i => (mask & (1 << i)) == 0).Select(i => others[i]).ToList();
                best = Math.Max(best, 1 + Best(left));
            }
            return best;
        }
        return off.Count - Best(off);
    }
}
