namespace Ferry.Simulator.Ledger;

/// <summary>Checks the ledger's invariants from a snapshot, independently of any handler: per-asset totals equal
/// the seed, no negative balance, ids unique and increasing, and replaying history over the seed gives the balances.</summary>
public static class LedgerAuditor
{
    /// <summary>Every invariant violation found, as one sentence each; empty when the ledger is healthy.</summary>
    public static IReadOnlyList<string> Check(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<string>();
        CheckTotals(state, problems);
        CheckIds(state, problems);
        CheckReplay(state, problems);
        return problems;
    }

    private static void CheckTotals(LedgerState state, List<string> problems)
    {
        var seeded = SimLedger.SumByAsset(state.SeedBalances);
        var now = SimLedger.SumByAsset(state.Balances);
        foreach (var asset in seeded.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var a = seeded.GetValueOrDefault(asset);
            var b = now.GetValueOrDefault(asset);
            if (a != b) problems.Add($"Total {asset} is {b} but the scenario seeded {a}.");
        }
        foreach (var (key, amount) in state.Balances)
        {
            if (amount < 0m) problems.Add($"Balance {key} is negative ({amount}).");
        }
    }

    private static void CheckIds(LedgerState state, List<string> problems)
    {
        var seen = new HashSet<long>();
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        long previous = long.MinValue;
        foreach (var move in state.History)
        {
            if (!seen.Add(move.Id)) problems.Add($"Transfer id {move.Id} is used more than once.");
            if (move.Id <= previous) problems.Add($"Transfer id {move.Id} does not increase after {previous}.");
            if (move.Id >= state.NextId) problems.Add($"Transfer id {move.Id} is not below the next id {state.NextId}.");
            if (move.Amount <= 0m) problems.Add($"Transfer {move.Id} has a non-positive amount {move.Amount}.");
            if (move.From == move.To) problems.Add($"Transfer {move.Id} moves {move.From} to itself.");
            if (move.ClientId is not null && !clientIds.Add(move.ClientId)) problems.Add($"Client id '{move.ClientId}' is used by more than one transfer.");
            previous = move.Id;
        }
    }

    private static void CheckReplay(LedgerState state, List<string> problems)
    {
        var replay = new Dictionary<BalanceKey, decimal>(state.SeedBalances);
        foreach (var move in state.History)
        {
            var from = new BalanceKey(move.From, move.Asset);
            var to = new BalanceKey(move.To, move.Asset);
            replay[from] = replay.GetValueOrDefault(from) - move.Amount;
            replay[to] = replay.GetValueOrDefault(to) + move.Amount;
        }
        foreach (var key in replay.Keys.Union(state.Balances.Keys))
        {
            var expected = replay.GetValueOrDefault(key);
            var actual = state.Balances.GetValueOrDefault(key);
            if (expected != actual) problems.Add($"Balance {key} is {actual} but seed plus history gives {expected}.");
        }
    }
}
