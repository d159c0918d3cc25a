using Ferry.Htx.Http;
using Ferry.Htx.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Accounts;

/// <summary>Spot account endpoints: the accounts and their ids, one account's balances, and the transfer ledger.</summary>
public sealed class AccountApi
{
    /// <summary>The most pages one ledger read follows before it gives up (and says so).</summary>
    public const int MaxLedgerPages = 1000;

    private readonly HtxTransport _transport;

    internal AccountApi(HtxTransport transport) => _transport = transport;

    /// <summary>GET /v1/account/accounts.</summary>
    public async Task<Outcome<IReadOnlyList<HtxAccount>>> GetAccountsAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await _transport.SendAsync(HtxEndpoints.Accounts, NoHtxParameters.Instance,
            HtxJsonContext.Default.HtxV1ResponseIReadOnlyListHtxAccount, cancellationToken).ConfigureAwait(false);
        return outcome.Map(response => response.Data);
    }

    /// <summary>GET /v1/account/accounts/{account-id}/balance.</summary>
    public async Task<Outcome<HtxAccountBalance>> GetBalanceAsync(AccountBalanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is { } problem)
        {
            return new NotSent<HtxAccountBalance>(NotSentReason.InvalidInput, problem);
        }

        var outcome = await _transport.SendAsync(HtxEndpoints.AccountBalance, query,
            HtxJsonContext.Default.HtxV1ResponseHtxAccountBalance, cancellationToken).ConfigureAwait(false);
        return outcome.Map(response => response.Data);
    }

    /// <summary>GET /v2/account/ledger: one page of the spot account's transfers (the reconciliation source).</summary>
    public async Task<Outcome<AccountLedgerPage>> GetLedgerAsync(AccountLedgerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is { } problem)
        {
            return new NotSent<AccountLedgerPage>(NotSentReason.InvalidInput, problem);
        }

        var outcome = await _transport.SendAsync(HtxEndpoints.AccountLedger, query,
            HtxJsonContext.Default.HtxV2ResponseIReadOnlyListHtxLedgerRow, cancellationToken).ConfigureAwait(false);
        return outcome.Map(response => new AccountLedgerPage(response.Data ?? [], response.NextId));
    }

    /// <summary>
    /// Every page of <paramref name="query"/>, following <c>nextId</c>. The first page that does not end Done ends
    /// the read with that outcome.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<HtxLedgerRow>>> GetAllLedgerAsync(AccountLedgerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<HtxLedgerRow>();
        var seen = new HashSet<long>();
        var page = query;
        for (var i = 0; i < MaxLedgerPages; i++)
        {
            var outcome = await GetLedgerAsync(page, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<AccountLedgerPage> done)
            {
                return outcome.Map<IReadOnlyList<HtxLedgerRow>>(_ => rows);
            }

            rows.AddRange(done.Value.Rows.Where(row => row.TransactId == 0 || seen.Add(row.TransactId)));
            if (done.Value.NextId is not { } next || next == page.FromId)
            {
                return new Done<IReadOnlyList<HtxLedgerRow>>(rows);
            }

            page = page with { FromId = next };
        }

        return new Unknown<IReadOnlyList<HtxLedgerRow>>($"The ledger has more than {MaxLedgerPages} pages; narrow the query with startTime and endTime.");
    }
}
