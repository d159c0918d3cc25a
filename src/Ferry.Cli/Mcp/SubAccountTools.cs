using System.ComponentModel;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Sessions;
using Ferry.Core.Credentials;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>
/// Sub-accounts (master key): the <c>ferry sub</c> verbs. Queries read; the changes (create, enable futures/options, IP
/// restriction) need the user's CONFIRM on mainnet, as on the command line.
/// </summary>
internal sealed class SubAccountTools(McpToolContext context)
{
    private const string EmailParameter = "The sub-account's email, e.g. alice@example.com.";
    private const string KeyParameter = "The sub-account's API key (a public identifier, not a secret; it is masked in every answer).";
    private const string QueryOutput = "The exchange's answer under 'result'.";

    [McpServerTool(Name = "sub_list", Title = "List sub-accounts", ReadOnly = true, Idempotent = true)]
    [Description("Lists every sub-account of the master (all pages): email, sub-user id, creation time, frozen.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> List(
        [Description("all (default), frozen or active.")] string? state = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_list", c =>
        {
            List<string> args = ["sub", "list", .. CliBridge.Account(account)];
            switch (state?.Trim().ToLowerInvariant())
            {
                case null or "" or "all": break;
                case "frozen": args.Add("--frozen"); break;
                case "active": args.Add("--active"); break;
                default: throw new ToolInputException($"state '{state}' is not one of all, frozen, active.");
            }
            return context.Bridge.RunAsync(args, c);
        }, ct);

    [McpServerTool(Name = "sub_status", Title = "Sub-account status", ReadOnly = true, Idempotent = true)]
    [Description("Whether sub-accounts are enabled and active and have margin and futures enabled.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Status(
        [Description("One sub-account's email (default: all).")] string? email = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_status", c => context.Bridge.RunAsync(
            ["sub", "status", .. CliBridge.Optional(email, "email"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_assets", Title = "Sub-account assets", ReadOnly = true, Idempotent = true)]
    [Description("One sub-account's balances in one wallet: spot (GET /sapi/v4/sub-account/assets), margin, usdm or coinm.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Assets(
        [Description(EmailParameter)] string email,
        [Description("spot (default), margin, usdm or coinm.")] string? wallet = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_assets", c => context.Bridge.RunAsync(
            ["sub", "assets", CliBridge.Value(email, "email"), .. CliBridge.Option("--wallet", wallet, "wallet"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_summary", Title = "All sub-accounts' value", ReadOnly = true, Idempotent = true)]
    [Description("Every sub-account's value in one wallet (spot, margin, usdm or coinm), all pages.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Summary(
        [Description("spot (default), margin, usdm or coinm.")] string? wallet = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_summary", c => context.Bridge.RunAsync(
            ["sub", "summary", .. CliBridge.Option("--wallet", wallet, "wallet"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_stats", Title = "Sub-account statistics", ReadOnly = true, Idempotent = true)]
    [Description("30-day transaction statistics of the master or one sub-account (weight 60).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Stats(
        [Description("One sub-account's email (default: the master's view).")] string? email = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_stats", c => context.Bridge.RunAsync(
            ["sub", "stats", .. CliBridge.Optional(email, "email"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_deposit_address", Title = "Sub-account deposit address", ReadOnly = true, Idempotent = true)]
    [Description("A sub-account's deposit address for a coin (GET /sapi/v1/capital/deposit/subAddress).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> DepositAddress(
        [Description(EmailParameter)] string email,
        [Description("The coin, e.g. USDT.")] string coin,
        [Description("The network, e.g. ETH, BSC, TRX (default: Binance's default for the coin).")] string? network = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_deposit_address", c => context.Bridge.RunAsync(
            ["sub", "deposit-address", CliBridge.Value(email, "email"), CliBridge.Value(coin, "coin"), .. CliBridge.Option("--network", network, "network"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_deposits", Title = "Sub-account deposits", ReadOnly = true, Idempotent = true)]
    [Description("A sub-account's deposit history, newest first (all pages).")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> Deposits(
        [Description(EmailParameter)] string email,
        [Description("Only this coin.")] string? coin = null,
        [Description("Only this status: 0 pending, 1 success, 6 credited but cannot withdraw, 7 wrong deposit, 8 waiting user confirm.")] int? status = null,
        [Description("Only the last N days (1..3650).")] int? days = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_deposits", c => context.Bridge.RunAsync(
            ["sub", "deposits", CliBridge.Value(email, "email"), .. CliBridge.Option("--coin", coin, "coin"), .. CliBridge.Number("--status", status), .. CliBridge.Number("--days", days), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_ip_show", Title = "Sub-account key IP restriction", ReadOnly = true, Idempotent = true)]
    [Description("Shows whether a sub-account API key is restricted to trusted IPs, and the list. The key is masked in the answer.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> IpShow(
        [Description(EmailParameter)] string email,
        [Description(KeyParameter)] string subAccountApiKey,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_ip_show", c => context.Bridge.RunAsync(
            ["sub", "ip", "show", CliBridge.Value(email, "email"), CliBridge.Value(subAccountApiKey, "subAccountApiKey"), .. CliBridge.Account(account)], c), ct);

    [McpServerTool(Name = "sub_create_virtual", Title = "Create a virtual sub-account", Destructive = false, Idempotent = false)]
    [Description("Creates a virtual sub-account; Binance answers with its email (NAME_virtual@...). On a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> CreateVirtual(
        McpServer server,
        [Description("1-32 ASCII letters and digits Binance turns into the virtual email.")] string name,
        [Description(AccountTools.AccountParameter)] string? account = null,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_create_virtual", c =>
        {
            var request = new CreateVirtualSubAccountRequest(CliBridge.Value(name, "name"));
            if (request.Validate() is { } problem) throw new ToolInputException(problem);
            return ChangeAsync(server, account, confirmation, $"create a virtual sub-account from '{request.SubAccountString}'",
                ["sub", "create", request.SubAccountString], c);
        }, ct);

    [McpServerTool(Name = "sub_enable_futures", Title = "Enable futures for a sub-account", Idempotent = true)]
    [Description("Enables futures (USDⓈ-M and COIN-M) for a sub-account. On a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> EnableFutures(
        McpServer server,
        [Description(EmailParameter)] string email,
        [Description(AccountTools.AccountParameter)] string? account = null,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_enable_futures", c =>
            ChangeAsync(server, account, confirmation, $"enable futures for {Email(email)}", ["sub", "enable-futures", Email(email)], c), ct);

    [McpServerTool(Name = "sub_enable_options", Title = "Enable options for a sub-account", Idempotent = true)]
    [Description("Enables options for a sub-account. On a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> EnableOptions(
        McpServer server,
        [Description(EmailParameter)] string email,
        [Description(AccountTools.AccountParameter)] string? account = null,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_enable_options", c =>
            ChangeAsync(server, account, confirmation, $"enable options for {Email(email)}", ["sub", "enable-options", Email(email)], c), ct);

    [McpServerTool(Name = "sub_ip_add", Title = "Restrict a sub-account key to IPs", Destructive = true, Idempotent = true)]
    [Description("Restricts a sub-account API key to trusted IPs, adding these addresses (or lifts the restriction with unrestricted=true). A restricted key is refused from any other address. On a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> IpAdd(
        McpServer server,
        [Description(EmailParameter)] string email,
        [Description(KeyParameter)] string subAccountApiKey,
        [Description("Static IPv4 or IPv6 addresses to trust (at least one unless unrestricted).")] string[]? ips = null,
        [Description("Lift the restriction (any IP) instead of restricting the key to its list.")] bool unrestricted = false,
        [Description(AccountTools.AccountParameter)] string? account = null,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_ip_add", c =>
        {
            var key = CliBridge.Value(subAccountApiKey, "subAccountApiKey");
            List<string> args = ["sub", "ip", "add", Email(email), key, .. Ips(ips)];
            if (unrestricted) args.Add("--unrestricted");
            return ChangeAsync(server, account, confirmation, $"change the IP restriction of key {Masking.ApiKey(key)} of {Email(email)}", args, c);
        }, ct);

    [McpServerTool(Name = "sub_ip_remove", Title = "Remove trusted IPs of a sub-account key", Destructive = true, Idempotent = true)]
    [Description("Removes addresses from a sub-account API key's trusted IPs. On a MAINNET account the user must type CONFIRM (see 'confirmation'); never supply it yourself.")]
    [ToolOutput(QueryOutput, "target", "outcome", "result", "message")]
    public Task<CallToolResult> IpRemove(
        McpServer server,
        [Description(EmailParameter)] string email,
        [Description(KeyParameter)] string subAccountApiKey,
        [Description("The addresses to remove (at least one).")] string[] ips,
        [Description(AccountTools.AccountParameter)] string? account = null,
        [Description(McpConsent.ParameterDescription)] string? confirmation = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("sub_ip_remove", c =>
        {
            var key = CliBridge.Value(subAccountApiKey, "subAccountApiKey");
            var list = Ips(ips);
            if (list.Count == 0) throw new ToolInputException("Name at least one IP address to remove.");
            return ChangeAsync(server, account, confirmation, $"remove trusted IPs of key {Masking.ApiKey(key)} of {Email(email)}",
                ["sub", "ip", "remove", Email(email), key, .. list], c);
        }, ct);

    /// <summary>
    /// Runs a changing verb: on a mainnet account the user's CONFIRM first (asked by the server, or the agent's
    /// <c>confirmation</c> argument), then the verb with <c>--confirm</c>; on the simulator it runs as it is.
    /// </summary>
    private async Task<CallToolResult> ChangeAsync(McpServer server, string? account, string? confirmation, string change, List<string> args, CancellationToken ct)
    {
        args.AddRange(CliBridge.Account(account));
        var target = SessionTarget.Resolve(context.Bridge.Environment(TextWriter.Null, TextWriter.Null), account);
        if (target.Environment == AccountEnvironment.Mainnet)
        {
            await McpConsent.RequireAsync(server, confirmation, $"About to {change} on MAINNET account '{target.AccountName}'.", ct);
            args.Add("--confirm");
        }
        return await context.Bridge.RunAsync(args, ct);
    }

    private static string Email(string? email) =>
        EmailAddress.IsValid(email?.Trim()) ? email!.Trim().ToLowerInvariant()
            : throw new ToolInputException($"'{email}' is not an email address; write it as name@domain.tld.");

    private static List<string> Ips(string[]? ips) =>
        (ips ?? []).SelectMany(a => (a ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(ip => CliBridge.Value(ip, "ips")).ToList();
}
