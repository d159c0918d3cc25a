using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Balances;
using Ferry.Engine.History;
using Ferry.Engine.Service;
using Ferry.Server.Api;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ferry.Server.Endpoints;

/// <summary>Reads: accounts (names and environments, never keys), balances of every account and venue, transfer history.</summary>
internal static class ReadEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext server)
    {
        api.MapGet("/accounts", async (HttpContext context, CancellationToken ct) =>
        {
            await using var service = server.Open(context);
            var defaults = new HashSet<AccountDefinition>(Enum.GetValues<Venue>().Select(v => service.Accounts.Any(a => a.Venue == v) ? server.AccountFor(service, null, v) : null).OfType<AccountDefinition>());
            return TypedResults.Ok(new AccountsResponse([.. service.Accounts.Select(a => new AccountResponse(a.Name, a.Venue.ToString().ToLowerInvariant(),
                Plans.PlanDescriptions.Environment(a.Environment), defaults.Contains(a)))]));
        }).WithName("ListAccounts").WithSummary("Every account the server may use: name, venue, environment; never a key.");

        api.MapGet("/balances", (HttpContext context, CancellationToken ct) => BalancesAsync(server, context, ct))
            .WithName("GetBalances").WithSummary("Every account and venue (a simulator: every simulated account), and totals per asset in each environment.");

        api.MapGet("/history", (string? account, string? days, HttpContext context, CancellationToken ct) => HistoryAsync(server, context, account, QueryNumber.Read(days, "days", 7, 1, 30), ct))
            .WithName("GetHistory").WithSummary("An account's transfers as the exchange records them, newest first (Binance: universal transfers; HTX: spot-swap ledger); days 1..30.")
            .ProducesProblem(400).ProducesProblem(422).ProducesProblem(502);
    }

    private static async Task<Ok<BalancesResponse>> BalancesAsync(ServerContext server, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await ReadBalancesAsync(server, ApiAccess.Caller(context), ct).ConfigureAwait(false));

    /// <summary>Every source's balances and the totals per environment and asset (the API's answer and the dashboard's matrix).</summary>
    internal static async Task<BalancesResponse> ReadBalancesAsync(ServerContext server, ApiCaller caller, CancellationToken ct)
    {
        await using var service = server.Options.OpenService(caller.Requester);
        var sources = new List<BalanceSourceResponse>();
        var simulated = server.Options.SimulatorBalances;
        foreach (var simulator in service.Accounts.Where(a => simulated is not null && a.Environment == AccountEnvironment.Sim).GroupBy(a => a.BaseAddress))
        {
            var rows = await simulated!(simulator.Key, ct).ConfigureAwait(false);
            sources.Add(new BalanceSourceResponse([.. simulator.Select(a => a.Name)], "simulator", "sim", Simulator: true,
                [.. rows.Where(r => r.Amount != 0).Select(Row)], []));
        }
        foreach (var account in service.Accounts.Where(a => simulated is null || a.Environment != AccountEnvironment.Sim))
            sources.Add(await ReadAsync(service, account, ct).ConfigureAwait(false));

        var totals = sources.SelectMany(s => s.Rows.Select(r => (s.Environment, r.Asset, Amount: decimal.Parse(r.Amount, System.Globalization.CultureInfo.InvariantCulture))))
            .GroupBy(r => (r.Environment, r.Asset)).OrderBy(g => g.Key.Environment, StringComparer.Ordinal).ThenBy(g => g.Key.Asset, StringComparer.Ordinal)
            .Select(g => new AssetTotalResponse(g.Key.Environment, g.Key.Asset, WireDecimal.Format(g.Sum(r => r.Amount))));
        return new BalancesResponse(sources, [.. totals]);
    }

    private static async Task<BalanceSourceResponse> ReadAsync(TransferService service, AccountDefinition account, CancellationToken ct)
    {
        var (venue, environment) = (account.Venue.ToString().ToLowerInvariant(), Plans.PlanDescriptions.Environment(account.Environment));
        var owner = account.Email?.ToLowerInvariant() ?? account.Name;
        try
        {
            if (account.Venue == Venue.Htx)
            {
                var read = await service.HtxBalancesAsync(account, ct).ConfigureAwait(false);
                return read.Outcome is Done<IReadOnlyList<WalletBalance>> done
                    ? new BalanceSourceResponse([account.Name], venue, environment, false,
                        [.. done.Value.Where(b => b.Amount != 0).Select(b => new BalanceRowResponse(owner, b.Wallet, null, b.Asset, WireDecimal.Format(b.Amount)))], [])
                    : new BalanceSourceResponse([account.Name], venue, environment, false, [],
                        [new UnreadWalletResponse(owner, read.What ?? "htx", Plans.RunResults.Outcome(read.Outcome.Kind), read.Outcome.Describe())]);
            }
            var sheet = await service.BalanceSheetAsync(account, subAccounts: true, null, ct).ConfigureAwait(false);
            return new BalanceSourceResponse([account.Name], venue, environment, false, [.. sheet.Rows.Where(r => r.Amount != 0).Select(Row)],
                [.. sheet.Unread.Select(u => new UnreadWalletResponse(u.Owner, u.Wallet, Plans.RunResults.Outcome(u.Kind), u.Message))]);
        }
        catch (Exception e) when (e is AccountConfigException or TransferRefusedException)
        {
            // One account that cannot be opened (a key file gone) does not hide every other account's balances.
            return new BalanceSourceResponse([account.Name], venue, environment, false, [], [new UnreadWalletResponse(owner, "*", ApiException.Outcomes.NotSent, e.Message)]);
        }
    }

    private static BalanceRowResponse Row(AccountBalance r) => new(r.Owner, r.Wallet, r.Symbol, r.Asset, WireDecimal.Format(r.Amount));

    private static async Task<Ok<HistoryResponse>> HistoryAsync(ServerContext server, HttpContext context, string? accountName, int days, CancellationToken ct)
    {
        await using var service = server.Open(context);
        var account = accountName is null ? server.AccountFor(service, null, Venue.Binance) : server.AccountFor(service, accountName, Venue.Binance);
        if (account.Environment == AccountEnvironment.Testnet)
            throw ApiException.Refused($"Account '{account.Name}' is on a testnet, which serves no transfer history; use the simulator instead");
        var end = service.Time.GetUtcNow();
        var start = end.AddDays(-days);
        HistoryQuery query = account.Venue == Venue.Htx
            ? new HtxLedgerQuery(null, start, end)
            : new WalletHistoryQuery(UniversalHistorySelection.AllTypes(null, null), start, end);
        var outcome = await service.HistoryAsync(account, query, ct).ConfigureAwait(false);
        if (outcome is not Done<IReadOnlyList<TransferHistoryEntry>> done)
        {
            var kind = outcome.Kind;
            throw new ApiException(kind == OutcomeKind.Unknown ? ApiException.StatusCodes.BadGateway : ApiException.StatusCodes.Unprocessable,
                kind == OutcomeKind.Unknown ? "unknown" : kind == OutcomeKind.Rejected ? "rejected" : "refused", Plans.RunResults.Outcome(kind),
                $"The history of account '{account.Name}' could not be read: {outcome.Describe()}");
        }
        var rows = done.Value.OrderByDescending(r => r.Time).ThenByDescending(r => r.TransferId)
            .Select(r => new HistoryRowResponse(r.Time, r.TransferId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Type, r.From, r.To, r.Asset,
                WireDecimal.Format(r.Amount), r.Status));
        return TypedResults.Ok(new HistoryResponse(account.Name, account.Venue.ToString().ToLowerInvariant(), Plans.PlanDescriptions.Environment(account.Environment),
            account.Venue == Venue.Htx ? "GET /v2/account/ledger" : "GET /sapi/v1/asset/transfer", start, end, [.. rows]));
    }
}
