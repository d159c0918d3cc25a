using System.Globalization;
using System.ComponentModel;
using Ferry.Core.Money;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Accounts and balances: which accounts exist (names and environments only) and what their wallets hold.</summary>
internal sealed class AccountTools(McpToolContext context)
{
    internal const string AccountParameter = "A configured account name from list_accounts (default: 'main', else the only account; with none configured, Ferry's built-in simulator).";

    [McpServerTool(Name = "list_accounts", Title = "List accounts", ReadOnly = true, OpenWorld = false, Idempotent = true)]
    [Description("Lists the configured exchange accounts by name, venue and environment (mainnet, testnet, sim). Never shows keys. With no account configured every tool uses Ferry's built-in simulator.")]
    [ToolOutput("Configured accounts.", "accounts")]
    public Task<CallToolResult> ListAccounts(CancellationToken ct) =>
        context.Boundary.RunAsync("list_accounts", c => context.Bridge.RunAsync(["accounts", "list"], c), ct);

    [McpServerTool(Name = "balances", Title = "Wallet balances", ReadOnly = true, Idempotent = true)]
    [Description("Wallet balances; a read, never needs CONFIRM. Binance on the simulator: every wallet of every account. Binance mainnet: the account's own wallets (spot, funding, margin, isolated, usdm, coinm) read through Binance's endpoints, with subAccounts=true also every sub-account's spot, margin and futures wallets; 'totals' per asset, and 'unread' names wallets that could not be read and why. HTX (venue 'htx'): spot and swap accounts, mainnet too. Amounts are decimal strings.")]
    [ToolOutput("Balances of the account's wallets.", "target", "balances")]
    public Task<CallToolResult> Balances(
        [Description(AccountParameter)] string? account = null,
        [Description("Only this owner's wallets: the account's own email or a sub-account email, e.g. alice@example.com (Binance only).")] string? subAccount = null,
        [Description("Only this wallet: spot, margin, isolated, usdm, coinm, funding, options or portfolio (or a row's own wallet name, e.g. HTX_SPOT).")] string? wallet = null,
        [Description("binance (default) or htx.")] string? venue = null,
        [Description("Binance mainnet: also read every sub-account's wallets with the master's key (more reads, within the rate budget).")] bool subAccounts = false,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("balances", async c =>
        {
            List<string> args = ["balances", .. CliBridge.Account(account)];
            if (subAccount is not null) args.AddRange(["--owner", CliBridge.Value(subAccount, "subAccount")]);
            if (venue is not null) args.AddRange(["--venue", CliBridge.Value(venue, "venue")]);
            if (subAccounts) args.Add("--subaccounts");
            var wanted = wallet is null ? null : CliBridge.Value(wallet, "wallet").ToLowerInvariant();
            var result = await context.Bridge.RunAsync(args, c);
            return wanted is null || result.IsError == true ? result : OnlyWallet(result, wanted);
        }, ct);

    /// <summary>Ferry's wallet names and the simulator's own names for them (the rows carry the latter).</summary>
    private static readonly Dictionary<string, string> LedgerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spot"] = "SPOT", ["margin"] = "MARGIN", ["isolated"] = "ISOLATED_MARGIN", ["usdm"] = "USDT_FUTURE", ["coinm"] = "COIN_FUTURE",
        ["funding"] = "FUNDING", ["options"] = "OPTION", ["portfolio"] = "PORTFOLIO_MARGIN",
    };

    /// <summary>Keeps the rows of one wallet.</summary>
    private static CallToolResult OnlyWallet(CallToolResult result, string name)
    {
        var wallet = LedgerNames.GetValueOrDefault(name, name);
        var document = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject();
        if (document["balances"] is JsonArray rows)
        {
            // The CLI's own balances document, filtered in place: its rows keep their shape.
            for (var i = rows.Count - 1; i >= 0; i--)
            {
                if (!string.Equals(rows[i]?["wallet"]?.ToString(), wallet, StringComparison.OrdinalIgnoreCase)) rows.RemoveAt(i);
            }
            // Totals, where the document has them, are over the rows kept.
            if (document["totals"] is JsonArray)
            {
                document["totals"] = new JsonArray([.. rows
                    .GroupBy(r => r!["asset"]!.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (JsonNode)new JsonObject
                    {
                        ["asset"] = g.Key,
                        ["amount"] = WireDecimal.Format(g.Sum(r => decimal.Parse(r!["amount"]!.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture))),
                    })]);
            }
        }
        return ToolResults.Ok(document);
    }
}
