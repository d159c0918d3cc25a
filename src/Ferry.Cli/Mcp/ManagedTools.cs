using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Managed sub-accounts (investor master key; the log for all three roles): the <c>ferry managed</c> queries.</summary>
internal sealed class ManagedTools(McpToolContext context)
{
    private const string EmailParameter = "The managed sub-account's email.";
    private const string QueryOutput = "The exchange's answer under 'result'.";

    [McpServerTool(Name = "managed_list", Title = "List managed sub-accounts", ReadOnly = true, Idempotent = true)]
    [Description("The investor's managed sub-accounts and their trading teams (all pages).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> List(
        [Description("Only this managed sub-account.")] string? email = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_list", c => context.Bridge.RunAsync(
            ["managed", "list", .. CliBridge.Option("--email", email, "email"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_assets", Title = "Managed sub-account spot assets", ReadOnly = true, Idempotent = true)]
    [Description("A managed sub-account's spot assets.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Assets(
        [Description(EmailParameter)] string email,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_assets", c => context.Bridge.RunAsync(
            ["managed", "assets", CliBridge.Value(email, "email"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_futures_assets", Title = "Managed sub-account futures assets", ReadOnly = true, Idempotent = true)]
    [Description("A managed sub-account's futures assets and positions (USDⓈ-M, or COIN-M with coinm=true).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> FuturesAssets(
        [Description(EmailParameter)] string email,
        [Description("COIN-M futures instead of USDⓈ-M.")] bool coinm = false,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_futures_assets", c => context.Bridge.RunAsync(
            ["managed", "futures-assets", CliBridge.Value(email, "email"), .. (coinm ? ["--coinm"] : Array.Empty<string>()), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_margin_assets", Title = "Managed sub-account margin assets", ReadOnly = true, Idempotent = true)]
    [Description("A managed sub-account's margin assets (cross, or isolated with isolated=true).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> MarginAssets(
        [Description(EmailParameter)] string email,
        [Description("Isolated margin instead of cross margin.")] bool isolated = false,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_margin_assets", c => context.Bridge.RunAsync(
            ["managed", "margin-assets", CliBridge.Value(email, "email"), .. (isolated ? ["--isolated"] : Array.Empty<string>()), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_snapshot", Title = "Managed sub-account snapshots", ReadOnly = true, Idempotent = true)]
    [Description("A managed sub-account's daily snapshots (end of each UTC day; Binance keeps the last month).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Snapshot(
        [Description(EmailParameter)] string email,
        [Description("spot (default), margin or futures.")] string? type = null,
        [Description("How many daily snapshots, 7..30 (default 7).")] int? limit = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_snapshot", c => context.Bridge.RunAsync(
            ["managed", "snapshot", CliBridge.Value(email, "email"), .. CliBridge.Option("--type", type, "type"), .. CliBridge.Number("--limit", limit), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_deposit_address", Title = "Managed sub-account deposit address", ReadOnly = true, Idempotent = true)]
    [Description("A managed sub-account's deposit address for a coin (GET /sapi/v1/managed-subaccount/deposit/address).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> DepositAddress(
        [Description(EmailParameter)] string email,
        [Description("The coin, e.g. USDT.")] string coin,
        [Description("The network, e.g. ETH, BSC, TRX.")] string? network = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_deposit_address", c => context.Bridge.RunAsync(
            ["managed", "deposit-address", CliBridge.Value(email, "email"), CliBridge.Value(coin, "coin"), .. CliBridge.Option("--network", network, "network"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "managed_log", Title = "Managed sub-account transfer log", ReadOnly = true, Idempotent = true)]
    [Description("The managed sub-account transfer log (deposits and withdrawals), newest first, read as the investor (default), the trading team, or the managed sub-account itself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Log(
        [Description("The managed sub-account (not with role sub).")] string? email = null,
        [Description("investor (default), team or sub: whose key reads the log.")] string? role = null,
        [Description("The last N days, 1..183 (default 30).")] int? days = null,
        [Description("in (deposits into the managed sub-account) or out (withdrawals).")] string? direction = null,
        [Description("Only this account type on the managed sub-account's side: spot, margin, isolated, usdm, coinm.")] string? accountType = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("managed_log", c => context.Bridge.RunAsync(
            ["managed", "log", .. CliBridge.Optional(email, "email"), .. CliBridge.Option("--role", role, "role"), .. CliBridge.Number("--days", days),
                .. CliBridge.Option("--direction", direction, "direction"), .. CliBridge.Option("--account-type", accountType, "accountType"), .. CliBridge.Account(account)], c), ct);
}
