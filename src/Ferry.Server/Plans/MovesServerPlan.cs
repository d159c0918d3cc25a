using Ferry.Core.Money;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;
using Ferry.Engine.Service;
using Ferry.Server.Api;

namespace Ferry.Server.Plans;

/// <summary>
/// Many independent moves planned from balances just read (a sweep or a rebalance). Executing runs them as
/// <c>ferry sweep</c> does, through <see cref="TransferService.RunMovesAsync"/>: every leg journaled before it is sent,
/// the rate budget reserved before each leg, moves concurrently within it.
/// </summary>
/// <param name="kind">"sweep" or "rebalance".</param>
/// <param name="plan">The moves and the skipped wallets, as planned.</param>
/// <param name="master">The account whose key read the balances.</param>
/// <param name="accounts">The accounts configured when it was planned (each leg's environment).</param>
/// <param name="parallelism">Moves in flight at once.</param>
internal sealed class MovesServerPlan(string kind, MovePlan plan, AccountDefinition master, IReadOnlyList<AccountDefinition> accounts, int parallelism) : ServerPlan
{
    public override string Kind => kind;

    public override string Account => master.Name;

    public override bool TouchesMainnet =>
        plan.Moves.Count > 0 && (master.Environment == AccountEnvironment.Mainnet || plan.Moves.SelectMany(m => m.Route.Legs).Any(l => EnvironmentOf(l.AccountName) == AccountEnvironment.Mainnet));

    public override IReadOnlyList<PlanMoveResponse> Moves =>
    [
        .. plan.Moves.Select(m => new PlanMoveResponse(m.MoveId, m.Request.From.ToString(), m.Request.To.ToString(), m.Request.Asset, WireDecimal.Format(m.Request.Amount),
            [.. m.Route.Legs.Select((leg, i) => PlanDescriptions.Leg(leg, i + 1, EnvironmentOf(leg.AccountName)))])),
    ];

    public override IReadOnlyList<SkippedWalletResponse> Skipped => [.. plan.Skipped.Select(s => new SkippedWalletResponse(s.Address, s.Reason))];

    private AccountEnvironment EnvironmentOf(string account) =>
        accounts.FirstOrDefault(a => a.Venue == Venue.Binance && string.Equals(a.Name, account, StringComparison.OrdinalIgnoreCase))?.Environment ?? master.Environment;

    public override async Task<ExecutionResponse> ExecuteAsync(string planId, TransferService service, Action<ExecutionMoveResponse> finished, CancellationToken ct)
    {
        if (plan.Moves.Count == 0) return new ExecutionResponse(planId, Kind, ApiException.Outcomes.Done, [], "Nothing to move.");
        var unresolved = await service.UnresolvedFromAsync(ct).ConfigureAwait(false);
        foreach (var move in plan.Moves)
        {
            if (move.Request.From.Email is { } email && unresolved(email) is { } reason)
                throw ApiException.Refused($"Plan {planId} was not run, because {move.Request.From}'s {reason}; nothing was sent, so make a new plan afterwards");
        }
        var run = await service.RunMovesAsync(plan, parallelism, r => finished(Move(r)), ct).ConfigureAwait(false);
        var moves = run.Results.Select(Move).ToList();
        var outcome = RunResults.Worst(moves.Select(m => m.Outcome));
        var done = moves.Count(m => m.Outcome == ApiException.Outcomes.Done);
        return new ExecutionResponse(planId, Kind, outcome, moves, $"{done} of {moves.Count} move(s) done (run {run.RunId}).");
    }

    private static ExecutionMoveResponse Move(MoveResult result) =>
        RunResults.Route(result.Move.MoveId, result.Run.Route, result.Run.Sent.LastOrDefault()) with { Outcome = RunResults.Outcome(result.Outcome) };
}
