using Ferry.Engine.Addresses;
using Ferry.Core.Money;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Moves;

/// <summary>One transfer the rebalance needs, before routing.</summary>
public sealed record RebalanceMove(string Asset, WalletAddress From, WalletAddress To, decimal Amount);

/// <summary>
/// Turns targets into the fewest moves that reach them.
/// <para>Targets: an amount is itself; a share is ⌊total × share⌋ to 8 decimals, where total is the asset's free amount
/// summed over the wallets listed for it; 'rest' takes what the others leave. Without 'rest' the targets must place the
/// whole total (the rounding dust of shares that add up to 100% goes to the last share wallet); more than the total, or
/// less without 'rest', is infeasible and refused in one sentence.</para>
/// <para>Fewest moves: let d = free − target for each wallet that is off target (k of them; Σd = 0). Any set of moves is
/// a graph on those wallets; each connected part must sum to zero and needs at least (its size − 1) moves, so at least
/// k − g moves are needed, where g is the largest number of zero-sum groups the d's can be split into. The planner finds
/// that split exactly (a dynamic program over subsets: dp[S] = max over i in S of dp[S∖i] + [ΣS = 0], which counts
/// zero-sum prefixes of the best ordering) when k ≤ <see cref="ExactLimit"/>, and inside each group matches the largest
/// surplus with the largest deficit until both sides are used up: each move settles at least one wallet, so a group of
/// size m takes at most m − 1 moves, which meets the bound. Above <see cref="ExactLimit"/> it pairs equal surplus and
/// deficit first and then matches greedily over everything: at most k − 1 ≤ n − 1 moves.</para>
/// </summary>
public static class RebalancePlanner
{
    /// <summary>The most off-target wallets of one asset solved exactly (2^k subsets).</summary>
    public const int ExactLimit = 16;

    /// <summary>The target of each listed wallet, from the free amounts in <paramref name="free"/>; throws
    /// <see cref="TransferPlanningException"/> for infeasible targets.</summary>
    public static IReadOnlyDictionary<WalletAddress, decimal> Targets(AssetTargets asset, IReadOnlyDictionary<WalletAddress, decimal> free)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(free);
        var total = asset.Wallets.Sum(w => free.GetValueOrDefault(w.Wallet));
        var targets = new Dictionary<WalletAddress, decimal>();
        foreach (var w in asset.Wallets)
        {
            targets[w.Wallet] = w.Kind switch
            {
                TargetKind.Amount => w.Value,
                TargetKind.Share => Math.Round(total * w.Value / 100m, TransferInput.MaxDecimalPlaces, MidpointRounding.ToZero),
                _ => 0m,
            };
        }
        var left = total - targets.Values.Sum();
        if (left < 0)
        {
            throw new TransferPlanningException(
                $"The targets for {asset.Asset} (line {asset.Line}) need {F(total - left)}, but the listed wallets hold {F(total)} free in total; lower the targets by {F(-left)}.");
        }

        if (asset.Wallets.FirstOrDefault(w => w.Kind == TargetKind.Rest) is { } rest)
        {
            targets[rest.Wallet] = left;
        }
        else if (left > 0)
        {
            var shares = asset.Wallets.Where(w => w.Kind == TargetKind.Share).ToList();
            if (shares.Count > 0 && shares.Sum(s => s.Value) == 100m)
            {
                targets[shares[^1].Wallet] += left; // rounding dust, at most one unit of the 8th decimal per share
            }
            else
            {
                throw new TransferPlanningException(
                    $"The targets for {asset.Asset} (line {asset.Line}) place {F(total - left)} of the {F(total)} free in the listed wallets, leaving {F(left)} without a wallet; mark one wallet 'rest' or make the targets add up.");
            }
        }
        return targets;
    }

    /// <summary>The fewest moves that bring every wallet from <paramref name="free"/> to <paramref name="targets"/>
    /// (their sums must be equal).</summary>
    public static IReadOnlyList<RebalanceMove> Moves(string asset, IReadOnlyDictionary<WalletAddress, decimal> free,
        IReadOnlyDictionary<WalletAddress, decimal> targets, IReadOnlyList<WalletAddress>? order = null)
    {
        var wallets = order ?? targets.Keys.ToList();
        var off = wallets.Select(w => (Wallet: w, Diff: free.GetValueOrDefault(w) - targets[w])).Where(x => x.Diff != 0).ToList();
        if (off.Sum(x => x.Diff) != 0) throw new ArgumentException("The targets do not add up to the balances.", nameof(targets));
        var moves = new List<RebalanceMove>();
        foreach (var group in off.Count <= ExactLimit ? ZeroSumGroups(off) : PairsFirst(off))
            moves.AddRange(Match(asset, group));
        return moves;
    }

    /// <summary>Plans a whole rebalance: reads the listed wallets with <paramref name="reader"/>, computes the targets and
    /// moves per asset, and routes each move with <see cref="TransferRouter.PlannerFor"/>.</summary>
    public static async Task<MovePlan> PlanAsync(IReadOnlyList<AssetTargets> file, IBalanceReader reader, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(reader);
        var reads = file.SelectMany(a => a.Wallets.Select(w => (a.Asset, w.Wallet))).ToList();
        (home, accounts, _) = await KnownSubAccounts.ExtendAsync(home, accounts, reader,
            reads.Select(r => r.Wallet.Email!).Distinct().ToList(), ct).ConfigureAwait(false);
        var values = new decimal[reads.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, reads.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SweepPlanner.ReadParallelism, CancellationToken = ct }, async (i, c) =>
                values[i] = await reader.FreeAsync(reads[i].Wallet.Email!, reads[i].Wallet.Wallet, reads[i].Asset, c).ConfigureAwait(false))
            .ConfigureAwait(false);
        var requests = new List<TransferRequest>();
        foreach (var asset in file)
        {
            var free = new Dictionary<WalletAddress, decimal>();
            for (var i = 0; i < reads.Count; i++)
                if (reads[i].Asset == asset.Asset) free[reads[i].Wallet] = values[i];
            var targets = Targets(asset, free);
            requests.AddRange(Moves(asset.Asset, free, targets, asset.Wallets.Select(w => w.Wallet).ToList())
                .Select(m => new TransferRequest(m.Amount, m.Asset, m.From, m.To)));
        }
        return new MovePlan(MovePlan.Number(requests, TransferRouter.PlannerFor(home, accounts)), []);
    }

    /// <summary>The split of <paramref name="off"/> into the most zero-sum groups (exact, 2^k states).</summary>
    internal static List<List<(WalletAddress Wallet, decimal Diff)>> ZeroSumGroups(List<(WalletAddress Wallet, decimal Diff)> off)
    {
        var k = off.Count;
        var full = (1 << k) - 1;
        var sum = new decimal[1 << k];
        var best = new int[1 << k];
        var last = new int[1 << k];
        for (var mask = 1; mask <= full; mask++)
        {
            var low = System.Numerics.BitOperations.TrailingZeroCount(mask);
            sum[mask] = sum[mask & (mask - 1)] + off[low].Diff;
            best[mask] = -1;
            for (var i = 0; i < k; i++)
            {
                if ((mask & (1 << i)) == 0 || best[mask ^ (1 << i)] <= best[mask]) continue;
                best[mask] = best[mask ^ (1 << i)];
                last[mask] = i;
            }
            if (sum[mask] == 0) best[mask]++;
        }
        // Walk back: the chosen order, cut where a prefix sums to zero.
        var orderReversed = new List<int>();
        for (var mask = full; mask != 0; mask ^= 1 << last[mask]) orderReversed.Add(last[mask]);
        orderReversed.Reverse();
        var groups = new List<List<(WalletAddress, decimal)>>();
        var current = new List<(WalletAddress, decimal)>();
        var running = 0m;
        foreach (var i in orderReversed)
        {
            current.Add(off[i]);
            running += off[i].Diff;
            if (running != 0) continue;
            groups.Add(current);
            current = [];
        }
        return groups;
    }

    /// <summary>For many wallets: equal surplus/deficit pairs first (one move each), then everything else as one group.</summary>
    private static List<List<(WalletAddress Wallet, decimal Diff)>> PairsFirst(List<(WalletAddress Wallet, decimal Diff)> off)
    {
        var groups = new List<List<(WalletAddress, decimal)>>();
        var rest = new List<(WalletAddress Wallet, decimal Diff)>(off);
        foreach (var s in off.Where(x => x.Diff > 0))
        {
            var match = rest.FindIndex(d => d.Diff == -s.Diff);
            if (match < 0 || !rest.Contains(s)) continue;
            groups.Add([s, rest[match]]);
            rest.RemoveAt(match);
            rest.Remove(s);
        }
        if (rest.Count > 0) groups.Add(rest);
        return groups;
    }

    /// <summary>Largest surplus to largest deficit until the group is settled: at most (size − 1) moves.</summary>
    private static IEnumerable<RebalanceMove> Match(string asset, List<(WalletAddress Wallet, decimal Diff)> group)
    {
        var surplus = group.Where(x => x.Diff > 0).OrderByDescending(x => x.Diff).Select(x => (x.Wallet, Left: x.Diff)).ToList();
        var deficit = group.Where(x => x.Diff < 0).OrderBy(x => x.Diff).Select(x => (x.Wallet, Left: -x.Diff)).ToList();
        int s = 0, d = 0;
        while (s < surplus.Count && d < deficit.Count)
        {
            var amount = Math.Min(surplus[s].Left, deficit[d].Left);
            yield return new RebalanceMove(asset, surplus[s].Wallet, deficit[d].Wallet, amount);
            surplus[s] = (surplus[s].Wallet, surplus[s].Left - amount);
            deficit[d] = (deficit[d].Wallet, deficit[d].Left - amount);
            if (surplus[s].Left == 0) s++;
            if (deficit[d].Left == 0) d++;
        }
    }

    private static string F(decimal value) => WireDecimal.Format(value);
}
