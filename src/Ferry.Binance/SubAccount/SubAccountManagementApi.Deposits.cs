using Ferry.Binance.Models;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.SubAccount;

/// <summary>The deposits family: a sub-account's deposit address and history.</summary>
public sealed partial class SubAccountManagementApi
{
    /// <summary>GET /sapi/v1/capital/deposit/subAddress.</summary>
    public Task<Outcome<SubAccountDepositAddress>> GetDepositAddressAsync(SubAccountDepositAddressQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountDepositAddress, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.SubAccountDepositAddress, cancellationToken);
    }

    /// <summary>GET /sapi/v1/capital/deposit/subHisrec: one page by offset.</summary>
    public Task<Outcome<IReadOnlyList<SubAccountDepositRow>>> GetDepositHistoryAsync(SubAccountDepositHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.SendIfValidAsync(BinanceEndpoints.SubAccountDepositHistory, query, query.Validate(), query.RecvWindow,
            BinanceJsonContext.Default.IReadOnlyListSubAccountDepositRow, cancellationToken);
    }

    /// <summary>Every deposit matching <paramref name="query"/>, 500 per request by offset, each id once.</summary>
    public async Task<Outcome<IReadOnlyList<SubAccountDepositRow>>> GetAllDepositHistoryAsync(SubAccountDepositHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<SubAccountDepositRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = query.Offset ?? 0;
        for (var page = 0; page < Http.HistoryPager.MaxPages; page++)
        {
            var outcome = await GetDepositHistoryAsync(query with { Offset = offset, Limit = SubAccountDepositHistoryQuery.MaxLimit }, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<IReadOnlyList<SubAccountDepositRow>> done) return outcome;
            rows.AddRange(done.Value.Where(r => seen.Add(r.Id)));
            if (done.Value.Count < SubAccountDepositHistoryQuery.MaxLimit) return new Done<IReadOnlyList<SubAccountDepositRow>>(rows);
            offset += done.Value.Count;
        }
        return new Unknown<IReadOnlyList<SubAccountDepositRow>>($"The deposit history has more than {Http.HistoryPager.MaxPages} pages; narrow it with startTime and endTime.");
    }
}
