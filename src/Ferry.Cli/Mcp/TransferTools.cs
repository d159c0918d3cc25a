using System.ComponentModel;
using Ferry.Cli.Commands;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Moves: plan a transfer (sends nothing) and execute a plan (once, before it expires, with CONFIRM on mainnet).</summary>
internal sealed class TransferTools(McpToolContext context)
{
    [McpServerTool(Name = "plan_transfer", Title = "Plan a transfer", ReadOnly = true, OpenWorld = false)]
    [Description("Plans moving an amount of an asset between two wallets and SENDS NOTHING: returns the legs in order (endpoint, account whose key sends it, environment, IP/UID weight, parameters) and a plan id for execute_plan. Addresses: spot, margin, isolated:BTCUSDT, usdm, coinm, funding, options, portfolio, optionally with an email for a sub-account, e.g. alice@example.com/usdm; on HTX htx:spot, htx:swap (cross) or htx:swap:BTC-USDT (isolated), moved between spot and swap with an HTX account. Show the legs to the user before executing. With a transfer policy, 'policy' says what it would decide now (allow, block or require-approval, the rule, the budget left) without writing anything.")]
    [ToolOutput("A plan: its id, expiry and legs, and what the transfer policy would decide (policy: action, rule, message, budgets, approvalId); nothing was sent.", "planId", "kind", "expiresAt", "target", "request", "legs", "needsConfirmation", "sent", "policy")]
    public Task<CallToolResult> PlanTransfer(
        [Description("How much to move: a plain decimal string such as \"100\" or \"0.5\".")] string amount,
        [Description("The asset, e.g. USDT or BTC.")] string asset,
        [Description("The wallet to move from, e.g. spot, usdm, isolated:BTCUSDT, alice@example.com/usdm, htx:spot, htx:swap:BTC-USDT.")] string from,
        [Description("The wallet to move to.")] string to,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("plan_transfer", c => PlanAsync(amount, asset, from, to, account, c), ct);

    private async Task<CallToolResult> PlanAsync(string amountText, string asset, string fromText, string toText, string? account, CancellationToken ct)
    {
        // As 'ferry transfer --dry-run': everything is checked and planned through the engine's door without opening a session.
        var (from, to) = (WalletAddress.Parse(fromText), WalletAddress.Parse(toText));
        var htx = from.Venue == Venue.Htx || to.Venue == Venue.Htx;
        if (!AmountText.TryParse(amountText, TransferInput.MaxDecimalPlaces, htx ? "HTX" : "Binance", "The amount", out var amount, out var refusal))
            throw new ToolInputException(refusal);
        var env = context.Bridge.Environment(TextWriter.Null, TextWriter.Null);
        // A named account goes to the service as named, so a venue mismatch is refused there, in its words.
        var accountName = htx && account is null ? HtxTarget.Resolve(env, null).AccountName : SessionTarget.Resolve(env, account).AccountName;
        await using var service = CliServices.Open(env, json: true);
        var proposal = await service.PlanAsync(new TransferRequest(amount, asset, from, to), accountName, ct);
        TransferService.RequireRunnable(proposal.LegAccounts);
        var preview = await service.PreviewPolicyAsync(proposal, ct);
        var policy = ReferenceEquals(preview.Decision, Ferry.Engine.Policy.PolicyDecision.NoPolicy) ? null : PolicyPreviewDocument.Of(preview, env.Time.GetUtcNow());
        return context.Plans.Answer(new TransferPlanKind(proposal, policy), PlanJson.TargetOf(proposal.Home));
    }

    [McpServerTool(Name = "execute_plan", Title = "Execute a plan", Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Executes a plan from plan_transfer (sends its legs in order, each journaled before it is sent, and stops at the first leg that is not done) or plan_sweep/plan_rebalance (runs its moves concurrently within the rate budget, each route's legs in order; per move its outcome, journal ids and exchange transfer ids, and a summary). A plan runs at most once and expires (default 5 minutes). A plan that touches a MAINNET account needs the user's consent: Ferry asks the user to type CONFIRM itself when your client supports elicitation; otherwise you must ask the user to type CONFIRM and pass exactly what they typed as 'confirmation'. NEVER supply CONFIRM on your own.")]
    [ToolOutput("What each leg (transfer) or move (sweep, rebalance) did: journal ids, outcome, exchange transfer ids.", "planId", "kind", "routeId", "outcome", "holding", "legs", "legsRun", "legsTotal", "runId", "moves", "summary", "message")]
    public Task<CallToolResult> ExecutePlan(
        McpServer server,
        [Description("The planId that plan_transfer, plan_sweep or plan_rebalance returned.")] string planId,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("execute_plan", async c =>
        {
            var id = planId?.Trim() ?? "";
            var plan = context.Plans.Find(id);
            if (plan.TouchesMainnet) await McpConsent.RequireAsync(server, confirmation, plan.ConsentSummary, c);
            plan = context.Plans.Claim(id);
            return await plan.ExecuteAsync(id, context.Bridge, c);
        }, ct);
}
