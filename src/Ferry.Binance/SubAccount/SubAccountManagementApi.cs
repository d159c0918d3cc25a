using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.SubAccount;

/// <summary>
/// Sub-account management for a master key: create virtual sub-accounts, list them, their status, enable
/// futures/options, transaction statistics. Every request is validated locally first (NotSent InvalidInput, nothing sent).
/// Transfers between sub-accounts are a separate API.
/// </summary>
public sealed partial class SubAccountManagementApi
{
    private readonly BinanceTransport _transport;

    internal SubAccountManagementApi(BinanceTransport transport) => _transport = transport;

    /// <summary>POST /sapi/v1/sub-account/virtualSubAccount. Not resent on Unknown (a second call would create a second account).</summary>
    public Task<Outcome<VirtualSubAccountResult>> CreateVirtualSubAccountAsync(
        CreateVirtualSubAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.CreateVirtualSubAccount, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.VirtualSubAccountResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/list: one page (Binance's default page size is 1; see <see cref="GetAllSubAccountsAsync"/>).</summary>
    public Task<Outcome<SubAccountListPage>> GetSubAccountsAsync(SubAccountListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountList, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountListPage, cancellationToken);
    }

    /// <summary>
    /// Every sub-account matching <paramref name="query"/>'s filters, 200 per page from page 1, until a short page.
    /// The first page that does not end Done ends the read with that outcome.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<SubAccountListRow>>> GetAllSubAccountsAsync(
        SubAccountListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SubAccountListQuery();
        var rows = new List<SubAccountListRow>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var page = 1; page <= HistoryPager.MaxPages; page++)
        {
            var outcome = await GetSubAccountsAsync(query with { Page = page, Limit = SubAccountListQuery.MaxLimit }, cancellationToken)
                .ConfigureAwait(false);
            if (outcome is not Done<SubAccountListPage> done) return outcome.Map<IReadOnlyList<SubAccountListRow>>(_ => rows);
            rows.AddRange(done.Value.SubAccounts.Where(r => seen.Add(r.Email)));
            if (done.Value.SubAccounts.Count < SubAccountListQuery.MaxLimit) return new Done<IReadOnlyList<SubAccountListRow>>(rows);
        }
        return new Unknown<IReadOnlyList<SubAccountListRow>>($"The sub-account list has more than {HistoryPager.MaxPages} pages.");
    }

    /// <summary>GET /sapi/v1/sub-account/status: one sub-account, or all without an e-mail.</summary>
    public Task<Outcome<IReadOnlyList<SubAccountStatusRow>>> GetStatusAsync(
        SubAccountEmailFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new SubAccountEmailFilter();
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountStatus, filter, filter.Validate(), filter.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListSubAccountStatusRow, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/futures/enable.</summary>
    public Task<Outcome<FuturesEnableResult>> EnableFuturesAsync(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.EnableSubAccountFutures, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.FuturesEnableResult, cancellationToken);
    }

    /// <summary>POST /sapi/v1/sub-account/eoptions/enable.</summary>
    public Task<Outcome<OptionsEnableResult>> EnableOptionsAsync(SubAccountEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.SendIfValidAsync(BinanceEndpoints.EnableSubAccountOptions, request, request.Validate(), request.RecvWindow,
            BinanceJsonContext.Default.OptionsEnableResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/sub-account/transaction-statistics (weight 60).</summary>
    public Task<Outcome<SubAccountTransactionStatistics>> GetTransactionStatisticsAsync(
        SubAccountEmailFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new SubAccountEmailFilter();
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountTransactionStatistics, filter, filter.Validate(), filter.RecvWindow,
            BinanceJsonContext.Default.SubAccountTransactionStatistics, cancellationToken);
    }
}
