using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.ManagedSubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>
/// Managed sub-accounts: the eleven /sapi/v1/managed-subaccount endpoints, for three roles — the investor
/// master that owns the managed sub-accounts (deposit, withdraw, queries), the trading-team master
/// (<see cref="GetTradeParentTransferLogAsync"/>) and the trading-team sub-account, i.e. the managed sub-account's own key
/// (<see cref="GetOwnTransferLogAsync"/>). Every request is validated locally first (NotSent InvalidInput, nothing sent);
/// deposit and withdraw are never resent.
/// </summary>
public sealed class ManagedSubAccountApi
{
    private readonly BinanceTransport _transport;

    internal ManagedSubAccountApi(BinanceTransport transport) => _transport = transport;

    /// <summary>POST deposit: moves the investor's spot asset into the managed sub-account. Not resent on Unknown: look the
    /// transfer up in <see cref="GetInvestorTransferLogAsync"/> first.</summary>
    public Task<Outcome<ManagedSubAccountTransferResult>> DepositAsync(ManagedSubAccountDepositRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountDeposit, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountTransferResult, cancellationToken);
    }

    /// <summary>POST withdraw: moves the asset back to the investor's spot, now or on <c>transferDate</c>. Not resent.</summary>
    public Task<Outcome<ManagedSubAccountTransferResult>> WithdrawAsync(ManagedSubAccountWithdrawRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountWithdraw, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountTransferResult, cancellationToken);
    }

    /// <summary>GET deposit/address (UID 1).</summary>
    public Task<Outcome<ManagedSubAccountDepositAddress>> GetDepositAddressAsync(ManagedSubAccountDepositAddressQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountDepositAddress, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountDepositAddress, cancellationToken);
    }

    /// <summary>GET asset: the managed sub-account's spot assets (an array).</summary>
    public Task<Outcome<IReadOnlyList<ManagedSubAccountAsset>>> GetAssetsAsync(ManagedSubAccountEmailQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountAssets, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListManagedSubAccountAsset, cancellationToken);
    }

    /// <summary>GET fetch-future-asset (UID 60): futures assets and positions; its <c>code</c> is the string "200".</summary>
    public Task<Outcome<ManagedSubAccountFuturesAssets>> GetFuturesAssetsAsync(ManagedSubAccountFuturesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountFuturesAssets, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountFuturesAssets, cancellationToken);
    }

    /// <summary>GET marginAsset: cross (default) or isolated margin assets.</summary>
    public Task<Outcome<ManagedSubAccountMarginAssets>> GetMarginAssetsAsync(ManagedSubAccountMarginQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountMarginAssets, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountMarginAssets, cancellationToken);
    }

    /// <summary>GET info (UID 60): one page of managed sub-accounts (at most 20).</summary>
    public Task<Outcome<ManagedSubAccountListPage>> GetListAsync(ManagedSubAccountListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ManagedSubAccountListQuery();
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountList, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountListPage, cancellationToken);
    }

    /// <summary>Every managed sub-account, 20 per page from page 1 until the total is reached or a short page. The first
    /// page that does not end Done ends the read with that outcome.</summary>
    public async Task<Outcome<IReadOnlyList<ManagedSubAccountInfo>>> GetAllAsync(ManagedSubAccountListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ManagedSubAccountListQuery();
        var rows = new List<ManagedSubAccountInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var page = 1; page <= HistoryPager.MaxPages; page++)
        {
            var outcome = await GetListAsync(query with { Page = page, Limit = ManagedSubAccountListQuery.MaxLimit }, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<ManagedSubAccountListPage> done) return outcome.Map<IReadOnlyList<ManagedSubAccountInfo>>(_ => rows);
            rows.AddRange(done.Value.ManagerSubUserInfoVoList.Where(r => seen.Add(r.Email)));
            if (done.Value.ManagerSubUserInfoVoList.Count < ManagedSubAccountListQuery.MaxLimit || rows.Count >= done.Value.Total)
            {
                return new Done<IReadOnlyList<ManagedSubAccountInfo>>(rows);
            }
        }
        return new Unknown<IReadOnlyList<ManagedSubAccountInfo>>($"The managed sub-account list has more than {HistoryPager.MaxPages} pages.");
    }

    /// <summary>GET accountSnapshot (IP 2400): daily snapshots of the last month; its <c>code</c> is the number 200.</summary>
    public Task<Outcome<ManagedSubAccountSnapshotPage>> GetSnapshotAsync(ManagedSubAccountSnapshotQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.ManagedSubAccountSnapshot, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.ManagedSubAccountSnapshotPage, cancellationToken);
    }

    /// <summary>GET queryTransLogForInvestor (investor master key): the log of one managed sub-account; needs Email.</summary>
    public Task<Outcome<ManagedSubAccountTransferLog>> GetInvestorTransferLogAsync(ManagedSubAccountTransferLogQuery query, CancellationToken cancellationToken = default) =>
        Log(BinanceEndpoints.ManagedSubAccountInvestorLog, query, emailRequired: true, cancellationToken);

    /// <summary>GET queryTransLogForTradeParent (trading-team master key, UID 60): needs Email.</summary>
    public Task<Outcome<ManagedSubAccountTransferLog>> GetTradeParentTransferLogAsync(ManagedSubAccountTransferLogQuery query, CancellationToken cancellationToken = default) =>
        Log(BinanceEndpoints.ManagedSubAccountTradeParentLog, query, emailRequired: true, cancellationToken);

    /// <summary>GET query-trans-log (the managed sub-account's own key, UID 60): takes no Email.</summary>
    public Task<Outcome<ManagedSubAccountTransferLog>> GetOwnTransferLogAsync(ManagedSubAccountTransferLogQuery query, CancellationToken cancellationToken = default) =>
        Log(BinanceEndpoints.ManagedSubAccountOwnLog, query, emailRequired: false, cancellationToken);

    private Task<Outcome<ManagedSubAccountTransferLog>> Log(BinanceEndpoint endpoint, ManagedSubAccountTransferLogQuery query, bool emailRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problem = emailRequired switch
        {
            true when query.Email is null => "email is required (the managed sub-account's e-mail address).",
            false when query.Email is not null => "The trading-team sub-account's own log takes no email; it is the log of the calling key's account.",
            _ => query.Validate(),
        };
        return _transport.SendIfValidAsync(endpoint, query, problem, query.RecvWindow, BinanceJsonContext.Default.ManagedSubAccountTransferLog, cancellationToken);
    }
}
