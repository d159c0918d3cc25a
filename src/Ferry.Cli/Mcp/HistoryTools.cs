using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>History: the exchange's own transfer records, Ferry's journal, and reconciliation of unknown outcomes.</summary>
internal sealed class HistoryTools(McpToolContext context)
{
    [McpServerTool(Name = "transfer_history", Title = "Transfer history", ReadOnly = true, Idempotent = true)]
    [Description("Transfers as the exchange records them, newest first. kind 'wallet' (default): universal transfers between the account's wallets (days 1..180); 'margin': cross-margin transfers, or isolated with 'isolated' (days 1..30); 'sub': transfers between the master and its sub-accounts (days 1..30). venue 'htx': HTX spot-swap transfers (days 1..180).")]
    [ToolOutput("The exchange's transfer records.", "target", "source", "from", "to", "transfers")]
    public Task<CallToolResult> TransferHistory(
        [Description("wallet (default), margin or sub.")] string? kind = null,
        [Description("How many days back (default 7).")] int? days = null,
        [Description("Only this asset, e.g. USDT.")] string? asset = null,
        [Description("kind wallet only: one universal transfer type, e.g. MAIN_UMFUTURE.")] string? type = null,
        [Description("kind margin only: the isolated margin symbol, e.g. BTCUSDT.")] string? isolated = null,
        [Description("binance (default) or htx.")] string? venue = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("transfer_history", c =>
        {
            List<string> args = ["history", .. CliBridge.Account(account)];
            switch (kind?.Trim().ToLowerInvariant())
            {
                case null or "" or "wallet": break;
                case "margin": args.Add("--margin"); break;
                case "sub": args.Add("--sub"); break;
                default: throw new ToolInputException($"kind '{kind}' is not one of wallet, margin, sub.");
            }
            if (days is { } d) args.AddRange(["--days", d.ToString(CultureInfo.InvariantCulture)]);
            if (asset is not null) args.AddRange(["--asset", CliBridge.Value(asset, "asset")]);
            if (type is not null) args.AddRange(["--type", CliBridge.Value(type, "type")]);
            if (isolated is not null) args.AddRange(["--isolated", CliBridge.Value(isolated, "isolated")]);
            if (venue is not null) args.AddRange(["--venue", CliBridge.Value(venue, "venue")]);
            return context.Bridge.RunAsync(args, c);
        }, ct);

    [McpServerTool(Name = "journal_list", Title = "Journal entries", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Ferry's journal of moves, newest first: every leg is written here before it is sent, with its state (planned, sending, done, rejected, unknown, not-executed) and the exchange's id.")]
    [ToolOutput("Journal entries.", "entries")]
    public Task<CallToolResult> JournalList(
        [Description("Only entries in this state: planned, sending, done, rejected, unknown or not-executed.")] string? state = null,
        [Description("At most this many entries (default 50).")] int? limit = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("journal_list", c =>
        {
            List<string> args = ["journal", "list"];
            if (state is not null) args.AddRange(["--state", CliBridge.Value(state, "state")]);
            if (limit is { } l) args.AddRange(["--limit", l.ToString(CultureInfo.InvariantCulture)]);
            return context.Bridge.RunAsync(args, c);
        }, ct);

    [McpServerTool(Name = "journal_show", Title = "One journal entry", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("One journal entry with every step it went through (sent, answered, reconciled).")]
    [ToolOutput("One journal entry and its events.", "entry")]
    public Task<CallToolResult> JournalShow(
        [Description("The journal id (from journal_list or execute_plan), or 'latest'.")] string id,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("journal_show", async c =>
        {
            var result = await context.Bridge.RunAsync(["journal", "show", CliBridge.Value(id, "id")], c);
            if (result.IsError == true) return result;
            return ToolResults.Ok(new Output.Json.JournalEntryToolDocument(result.StructuredContent!.Value),
                Output.Json.CliJsonContext.Default.JournalEntryToolDocument);
        }, ct);

    [McpServerTool(Name = "journal_reconcile", Title = "Reconcile unknown moves", Idempotent = true)]
    [Description("Resolves journal entries whose outcome is unknown (or left 'sending' by a crash) against the exchange's own history: each becomes done or not-executed, or stays unknown with the reason. Sends no transfer.")]
    [ToolOutput("One result per entry reconciled.", "results")]
    public Task<CallToolResult> JournalReconcile(
        [Description("One journal id (default: every sending or unknown entry).")] string? id = null,
        [Description("Wait out the exchange's history-lag window before deciding 'not executed' (default true).")] bool wait = true,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("journal_reconcile", c =>
        {
            List<string> args = ["journal", "reconcile"];
            if (id is not null) args.Add(CliBridge.Value(id, "id"));
            if (!wait) args.Add("--no-wait");
            return context.Bridge.RunAsync(args, c);
        }, ct);

    [McpServerTool(Name = "journal_resume", Title = "Resume a stopped route")]
    [Description("Continues a multi-leg route that stopped halfway (a leg refused, rejected or found not executed) from its first leg that is not done, after reconciling it; the route id comes from execute_plan (routeId) or journal_list. A leg whose outcome stays unknown stops it again. On a route that uses a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput("The route after the run: its status, where the money is, every leg.", "routeId", "status", "holding", "stoppedAt", "legs", "message")]
    public Task<CallToolResult> JournalResume(
        McpServer server,
        [Description("The route id (R...) or the journal id of any of its legs.")] string id,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("journal_resume", async c =>
        {
            List<string> args = ["journal", "resume", CliBridge.Value(id, "id")];
            if (await RouteTouchesMainnetAsync(id))
            {
                await McpConsent.RequireAsync(server, confirmation, $"About to resume route {id} on MAINNET.", c);
                args.Add("--confirm");
            }
            return await context.Bridge.RunAsync(args, c);
        }, ct);

    /// <summary>True when any leg of the route <paramref name="id"/> names a mainnet account (false for an unknown id:
    /// the resume itself then says what is wrong, before anything is sent).</summary>
    private Task<bool> RouteTouchesMainnetAsync(string id) =>
        context.Bridge.WithEnvironmentAsync(async env =>
        {
            await using var service = Sessions.CliServices.Open(env, json: true);
            var routeId = await service.FindRouteAsync(id);
            if (routeId is null) return false;
            var legs = (await service.RouteLegsAsync(routeId)).Select(l => l.Entry.Leg);
            return service.AccountsOf(legs).Any(a => a.Environment == Ferry.Engine.Accounts.AccountEnvironment.Mainnet);
        });
}
