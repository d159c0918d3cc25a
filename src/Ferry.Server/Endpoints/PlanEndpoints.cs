using Ferry.Core.Money;
using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Server.Api;
using Ferry.Server.Plans;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ferry.Server.Endpoints;

/// <summary>
/// Plan a transfer, sweep or rebalance (sends nothing; answers the legs and a plan id that runs once before it expires),
/// and execute a plan. A plan touching a mainnet account is refused with 428: an API caller can never confirm for itself.
/// </summary>
internal static class PlanEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext server)
    {
        api.MapPost("/plans/transfer", async (HttpContext context, CancellationToken ct) =>
                Answer(server, await PlanTransferAsync(server, ApiAccess.Caller(context), await ApiBody.ReadAsync(context, ServerJsonContext.Default.TransferPlanRequest, "transfer plan request"), ct)))
            .Accepts<TransferPlanRequest>("application/json").WithName("PlanTransfer")
            .WithSummary("Plans moving an amount of an asset between two wallets; sends nothing.").WithMetadata(new RequiredScope(ApiScope.Plan))
            .ProducesProblem(400).ProducesProblem(422);

        api.MapPost("/plans/sweep", async (HttpContext context, CancellationToken ct) =>
                Answer(server, await PlanSweepAsync(server, ApiAccess.Caller(context), await ApiBody.ReadAsync(context, ServerJsonContext.Default.SweepPlanRequest, "sweep plan request"), ct)))
            .Accepts<SweepPlanRequest>("application/json").WithName("PlanSweep")
            .WithSummary("Plans collecting an asset from sub-accounts (reads their balances); sends nothing.").WithMetadata(new RequiredScope(ApiScope.Plan))
            .ProducesProblem(400).ProducesProblem(422);

        api.MapPost("/plans/rebalance", async (HttpContext context, CancellationToken ct) =>
                Answer(server, await PlanRebalanceAsync(server, ApiAccess.Caller(context), await ApiBody.ReadAsync(context, ServerJsonContext.Default.RebalancePlanRequest, "rebalance plan request"), ct)))
            .Accepts<RebalancePlanRequest>("application/json").WithName("PlanRebalance")
            .WithSummary("Plans the fewest moves to the targets of a rebalance plan (YAML text; reads balances); sends nothing.").WithMetadata(new RequiredScope(ApiScope.Plan))
            .ProducesProblem(400).ProducesProblem(422);

        api.MapPost("/plans/{planId}/execute", (string planId, HttpContext context, CancellationToken ct) => ExecuteAsync(server, planId, ApiAccess.Caller(context), ct))
            .WithName("ExecutePlan")
            .WithSummary("Executes a plan once, before it expires; a plan touching a mainnet account answers 428 (a person must confirm it).")
            .WithMetadata(new RequiredScope(ApiScope.Execute))
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(422).ProducesProblem(428).ProducesProblem(502);
    }

    internal static Ok<PlanResponse> Answer(ServerContext server, ServerPlan plan)
    {
        var (id, expiresAt) = server.Plans.Add(plan);
        return TypedResults.Ok(new PlanResponse(id, plan.Kind, expiresAt, plan.Account, plan.TouchesMainnet, Sent: false, plan.Moves, plan.Skipped));
    }

    internal static async Task<ServerPlan> PlanTransferAsync(ServerContext server, ApiCaller caller, TransferPlanRequest request, CancellationToken ct)
    {
        var from = Address(request.From, "from");
        var to = Address(request.To, "to");
        var htx = from.Venue == Venue.Htx || to.Venue == Venue.Htx;
        if (!AmountText.TryParse(request.Amount, TransferInput.MaxDecimalPlaces, htx ? "HTX" : "Binance", "The amount", out var amount, out var refusal))
            throw ApiException.BadInput(refusal);
        if (string.IsNullOrWhiteSpace(request.Asset)) throw ApiException.BadInput("'asset' is missing; name the asset, e.g. USDT");
        await using var service = server.Options.OpenService(caller.Requester);
        var account = server.AccountFor(service, request.Account, htx ? Venue.Htx : Venue.Binance);
        var proposal = await service.PlanAsync(new TransferRequest(amount, request.Asset, from, to), account.Name, ct).ConfigureAwait(false);
        TransferService.RequireRunnable(proposal.LegAccounts);
        return new TransferServerPlan(proposal);
    }

    internal static async Task<ServerPlan> PlanSweepAsync(ServerContext server, ApiCaller caller, SweepPlanRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Asset)) throw ApiException.BadInput("'asset' is missing; name the asset to sweep, e.g. USDT");
        var to = Address(request.To, "to");
        var wallet = request.Wallet?.Trim().ToLowerInvariant() switch
        {
            null or "spot" => WalletKind.Spot,
            "margin" => WalletKind.Margin,
            "usdm" => WalletKind.UsdM,
            "coinm" => WalletKind.CoinM,
            _ => throw ApiException.BadInput($"'wallet' '{request.Wallet}' cannot be swept; use one of: spot, margin, usdm, coinm"),
        };
        var sweep = new SweepRequest(request.Asset, to, request.From, wallet, Decimal(request.Min, "min"), Decimal(request.Keep, "keep")).Validated();
        await using var service = server.Options.OpenService(caller.Requester);
        var master = server.AccountFor(service, request.Account, Venue.Binance);
        TransferService.RequireRunnable([master], "sub-account transfers");
        var plan = await service.PlanSweepAsync(sweep, master, ct).ConfigureAwait(false);
        return new MovesServerPlan("sweep", plan, master, service.Accounts, server.Options.MoveParallelism);
    }

    internal static async Task<ServerPlan> PlanRebalanceAsync(ServerContext server, ApiCaller caller, RebalancePlanRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Plan)) throw ApiException.BadInput("'plan' is missing; give the rebalance plan's YAML text");
        IReadOnlyList<AssetTargets> targets;
        try
        {
            targets = RebalanceFile.Parse(request.Plan);
        }
        catch (Exception e) when (e is FormatException or TransferPlanningException or InvalidDataException)
        {
            throw ApiException.BadInput($"The rebalance plan cannot be used: {e.Message}");
        }
        await using var service = server.Options.OpenService(caller.Requester);
        var master = server.AccountFor(service, request.Account, Venue.Binance);
        TransferService.RequireRunnable([master], "sub-account transfers");
        var plan = await service.PlanRebalanceAsync(targets, master, ct).ConfigureAwait(false);
        return new MovesServerPlan("rebalance", plan, master, service.Accounts, server.Options.MoveParallelism);
    }

    private static async Task<Ok<ExecutionResponse>> ExecuteAsync(ServerContext server, string planId, ApiCaller caller, CancellationToken ct)
    {
        var (plan, track) = PlanRunner.Claim(server, planId);
        return TypedResults.Ok(RunResults.DoneOrThrow(await PlanRunner.RunAsync(server, plan, track, caller, ct).ConfigureAwait(false)));
    }

    private static WalletAddress Address(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw ApiException.BadInput($"'{field}' is missing; give a wallet address such as spot, usdm or alice@example.com/usdm");
        return WalletAddress.Parse(text);
    }

    private static decimal Decimal(string? text, string field)
    {
        if (text is null) return 0m;
        return AmountText.TryParseExact(text, out var value)
            ? value
            : throw ApiException.BadInput($"'{field}' '{text}' is not an exact decimal such as \"10\" or \"0.5\"");
    }
}
