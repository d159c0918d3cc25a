namespace Ferry.Htx;

/// <summary>
/// The endpoints this client calls, each declared once, with HTX's documented limits (reference §6.3). The
/// client copies the table with the configured transfer rate.
/// </summary>
public static class HtxEndpoints
{
    /// <summary>The documented rate of POST /v2/account/transfer: 1 per second (HTX.Net uses 10; CONFLICT).</summary>
    public const int DefaultTransfersPerSecond = 1;

    /// <summary>The budget name the private linear-swap endpoints share (72 per 3 s per UID).</summary>
    public const string SwapPrivateBudget = "linear-swap-private";

    /// <summary>POST /v2/account/transfer — spot ⇄ USDT-margined swap (cross or isolated).</summary>
    public static readonly HtxEndpoint SpotSwapTransfer = new(
        nameof(SpotSwapTransfer), HttpMethod.Post, "/v2/account/transfer", HtxHost.Spot, HtxEnvelope.V2, HtxPermission.Trade,
        "transfer", DefaultTransfersPerSecond, TimeSpan.FromSeconds(1),
        "HTX-SWAP-DOCS (1 per second; CONFLICT: HTX.Net 10 per second)") { Id = 0 };

    /// <summary>GET /v1/account/accounts — the user's accounts and their ids.</summary>
    public static readonly HtxEndpoint Accounts = new(
        nameof(Accounts), HttpMethod.Get, "/v1/account/accounts", HtxHost.Spot, HtxEnvelope.V1, HtxPermission.Read,
        "accounts", 100, TimeSpan.FromSeconds(2), "HTX-DOCS (100 per 2 s)") { Id = 1 };

    /// <summary>GET /v1/account/accounts/{account-id}/balance — one account's balances (trade and frozen rows).</summary>
    public static readonly HtxEndpoint AccountBalance = new(
        nameof(AccountBalance), HttpMethod.Get, "/v1/account/accounts/{account-id}/balance", HtxHost.Spot, HtxEnvelope.V1,
        HtxPermission.Read, "account-balance", 100, TimeSpan.FromSeconds(2), "HTX-DOCS (100 per 2 s)") { Id = 2 };

    /// <summary>POST /linear-swap-api/v1/swap_account_info — isolated margin accounts.</summary>
    public static readonly HtxEndpoint SwapIsolatedAccountInfo = new(
        nameof(SwapIsolatedAccountInfo), HttpMethod.Post, "/linear-swap-api/v1/swap_account_info", HtxHost.Swap, HtxEnvelope.Swap,
        HtxPermission.Read, SwapPrivateBudget, 72, TimeSpan.FromSeconds(3), "HTX-SWAP-DOCS (72 per 3 s per UID, shared)") { Id = 3 };

    /// <summary>POST /linear-swap-api/v1/swap_cross_account_info — the cross margin account (USDT).</summary>
    public static readonly HtxEndpoint SwapCrossAccountInfo = new(
        nameof(SwapCrossAccountInfo), HttpMethod.Post, "/linear-swap-api/v1/swap_cross_account_info", HtxHost.Swap, HtxEnvelope.Swap,
        HtxPermission.Read, SwapPrivateBudget, 72, TimeSpan.FromSeconds(3), "HTX-SWAP-DOCS (72 per 3 s per UID, shared)") { Id = 4 };

    /// <summary>GET /v2/account/ledger — the spot account's transfer records (the reconciliation source).</summary>
    public static readonly HtxEndpoint AccountLedger = new(
        nameof(AccountLedger), HttpMethod.Get, "/v2/account/ledger", HtxHost.Spot, HtxEnvelope.V2, HtxPermission.Read,
        "account-ledger", 10, TimeSpan.FromSeconds(1),
        "HTX docs 'Get Account Ledger' (no limit stated; the 10 per second default of unmarked endpoints, assumed)") { Id = 5 };

    /// <summary>Every endpoint, in <see cref="HtxEndpoint.Id"/> order.</summary>
    public static IReadOnlyList<HtxEndpoint> All { get; } =
        [SpotSwapTransfer, Accounts, AccountBalance, SwapIsolatedAccountInfo, SwapCrossAccountInfo, AccountLedger];

    /// <summary>The table with the transfer limited to <paramref name="transfersPerSecond"/>.</summary>
    public static IReadOnlyList<HtxEndpoint> WithTransferRate(int transfersPerSecond)
    {
        var table = All.ToArray();
        table[SpotSwapTransfer.Id] = SpotSwapTransfer with { RequestsPerWindow = transfersPerSecond };
        return table;
    }
}
