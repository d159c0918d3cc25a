using Ferry.Engine.Routing;
using System.ComponentModel;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Moves: plan a transfer (sends nothing) and execute a plan (once, before it expires, with CONFIRM on mainnet).</summary>
internal sealed class TransferTools(McpToolContext context)
{
    [McpServerTool(Name = "plan_transfer", Title = "Plan a transfer", ReadOnly = true, OpenWorld = false)]
    [Description("Plans moving an amount of an asset between two wallets and SENDS NOTHING: returns the legs in order (endpoint, account whose key sends it, environment, IP/UID weight, parameters) and a plan id for execute_plan. Addresses: spot, margin, isolated:BTCUSDT, usdm, coinm, funding, options, portfolio, optionally with an email for a sub-account, e.g. alice@example.com/usdm. Binance wallets only. Show the legs to the user before executing.")]
    [ToolOutput("A plan: its id, expiry and legs; nothing was sent.", "planId", "kind", "expiresAt", "target", "request", "legs", "needsConfirmation", "sent")]
    public Task<CallToolResult> PlanTransfer(
        [Description("How much to move: a plain decimal string such as \"100\" or \"0.5\".")] string amount,
        [Description("The asset, e.g. USDT or BTC.")] string asset,
        [Description("The wallet to move from, e.g. spot, usdm, isolated:BTCUSDT, alice@example.com/usdm.")] string from,
        [Description("The wallet to move to.")] string to,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("plan_transfer", c => Task.FromResult(Plan(amount, asset, from, to, account)), ct);

    private CallToolResult Plan(string amountText, string asset, string fromText, string toText, string? account)
    {
        // As 'ferry transfer --dry-run': everything is checked and planned without opening a session.
        if (!AmountText.TryParse(amountText, TransferInput.MaxDecimalPlaces, "Binance", "The amount", out var amount, out var refusal))
            throw new ToolInputException(refusal);
        var request = new TransferRequest(amount, asset, WalletAddress.Parse(fromText), WalletAddress.Parse(toText));
        if (request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx)
            throw new ToolInputException("HTX moves are not planned by the MCP server yet; use 'ferry transfer' for htx: wallets.");
        var env = context.Bridge.Environment(TextWriter.Null, TextWriter.Null);
        var target = SessionTarget.Resolve(env, account);
        if (target.Venue != Venue.Binance)
            throw new TransferPlanningException($"Account '{target.AccountName}' is an {target.Venue.Display()} account, but the move names Binance wallets.");
        var (home, keys) = RoutingAccounts.For(env, target);
        var plan = TransferRouter.Plan(request, home, keys);
        var legTargets = plan.Legs.Select(leg => string.Equals(leg.AccountName, target.AccountName, StringComparison.OrdinalIgnoreCase)
            ? target : SessionTarget.Resolve(env, leg.AccountName)).ToList();
        if (legTargets.FirstOrDefault(t => t.Environment == AccountEnvironment.Testnet) is { } testnet)
            throw CliException.Refused($"Account '{testnet.AccountName}' is on Binance's testnet, which serves no /sapi endpoints, so wallet transfers cannot run there; use the simulator instead.");

        return context.Plans.Answer(new TransferPlanKind(plan, legTargets), target);
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
