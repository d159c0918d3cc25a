using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Outcomes;

namespace Ferry.Binance.Wallet;

/// <summary>Wallet endpoints: the user universal transfer between the caller's own wallets, and its history.</summary>
public sealed class WalletApi
{
    /// <summary>The most pages <see cref="GetAllUniversalTransferHistoryAsync"/> reads (100 rows each) before it stops.</summary>
    public const int MaxPages = 1000;

    private readonly BinanceTransport _transport;
    private readonly BinanceClientOptions _options;

    internal WalletApi(BinanceTransport transport, BinanceClientOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>POST /sapi/v1/asset/transfer. Validated locally first (NotSent InvalidInput); never resent on Unknown.</summary>
    public Task<Outcome<UniversalTransferResult>> UniversalTransferAsync(
        UniversalTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = request.Validate(_options.MaxAmountDecimalPlaces);
        return problem is not null
            ? Task.FromResult<Outcome<UniversalTransferResult>>(new NotSent<UniversalTransferResult>(NotSentReason.InvalidInput, problem))
            : _transport.SendAsync(BinanceEndpoints.UniversalTransfer, request, request.RecvWindow,
                BinanceJsonContext.Default.UniversalTransferResult, cancellationToken);
    }

    /// <summary>GET /sapi/v1/asset/transfer: one page of history (the reconciliation source for universal transfers).</summary>
    public Task<Outcome<UniversalTransferPage>> GetUniversalTransferHistoryAsync(
        UniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problem = query.Validate();
        return problem is not null
            ? Task.FromResult<Outcome<UniversalTransferPage>>(new NotSent<UniversalTransferPage>(NotSentReason.InvalidInput, problem))
            : _transport.SendAsync(BinanceEndpoints.UniversalTransferHistory, query, query.RecvWindow,
                BinanceJsonContext.Default.UniversalTransferPage, cancellationToken);
    }

    /// <summary>
    /// Reads every page of <paramref name="query"/> (100 rows per page unless Size says otherwise) from its
    /// Current page on; rows seen twice because the history moved while paging are kept once. The first page
    /// that does not end Done ends the whole read with that outcome.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UniversalTransferRow>>> GetAllUniversalTransferHistoryAsync(
        UniversalTransferHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<UniversalTransferRow>();
        var seen = new HashSet<long>();
        var page = query with { Current = query.Current ?? 1, Size = query.Size ?? 100 };
        for (var pages = 0; pages < MaxPages; pages++)
        {
            var outcome = await GetUniversalTransferHistoryAsync(page, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<UniversalTransferPage> done)
            {
                return outcome.Map<IReadOnlyList<UniversalTransferRow>>(_ => rows);
            }

            foreach (var row in done.Value.Rows)
            {
                if (seen.Add(row.TranId))
                {
                    rows.Add(row);
                }
            }

            var pageSize = page.Size!.Value;
            if (done.Value.Rows.Count < pageSize || (long)page.Current!.Value * pageSize >= done.Value.Total)
            {
                return new Done<IReadOnlyList<UniversalTransferRow>>(rows);
            }

            page = page with { Current = page.Current + 1 };
        }

        return new Unknown<IReadOnlyList<UniversalTransferRow>>(
            $"History has more than {MaxPages} pages; narrow the query with startTime and endTime.");
    }
}
