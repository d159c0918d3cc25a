using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.History;

/// <summary>
/// Reads the sub-account transfer histories into <see cref="TransferHistoryEntry"/> rows, each transfer once (by id).
/// With the master's key: the sub-account universal transfers out of and into the master and out of each known
/// sub-account (in windows of at most 7 days, the endpoint's limit), the futures internal transfers of each account, and
/// the spot transfers between accounts. With a sub-account's key: its own transfers in and out (subUserHistory).
/// </summary>
public static class SubAccountHistoryReader
{
    /// <summary>The longest look-back: the futures internal history serves one month, subUserHistory defaults to 30 days.</summary>
    public const int MaxDays = 30;

    /// <summary>The master's view. <paramref name="masterEmail"/> and <paramref name="subAccounts"/> say whose transfers to ask for.</summary>
    public static async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> MasterViewAsync(BinanceClient client, string masterEmail,
        IReadOnlyList<string> subAccounts, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var api = client.SubAccount;
        var rows = new Rows();
        var universalQueries = new List<SubAccountUniversalTransferHistoryQuery> { new() { FromEmail = null }, new() { ToEmail = masterEmail } };
        universalQueries.AddRange(subAccounts.Select(s => new SubAccountUniversalTransferHistoryQuery { FromEmail = s }));
        foreach (var query in universalQueries)
        {
            // Binance documents the range as "less than 7 days": step a minute short of it.
            var step = SubAccountUniversalTransferHistoryQuery.MaxInterval - TimeSpan.FromMinutes(1);
            for (var windowStart = start; windowStart < end; windowStart += step)
            {
                var windowEnd = Min(end, windowStart + step);
                var outcome = await api.GetAllUniversalTransferHistoryAsync(query with { StartTime = windowStart, EndTime = windowEnd }, ct).ConfigureAwait(false);
                if (outcome is not Done<IReadOnlyList<SubAccountUniversalTransferRow>> done) return outcome.Map(_ => rows.All);
                foreach (var r in done.Value)
                {
                    rows.Add(new("sub-account universal", r.TranId, r.CreateTimeStamp, "UNIVERSAL", r.Asset, r.Amount, r.Status,
                        $"{r.FromEmail}/{r.FromAccountType}", $"{r.ToEmail}/{r.ToAccountType}"));
                }
            }
        }

        // "startTime no earlier than one month ago" is checked on the server's clock: keep a minute of margin.
        var futuresStart = Max(start, end - TimeSpan.FromDays(MaxDays) + TimeSpan.FromMinutes(1));
        foreach (var email in subAccounts.Prepend(masterEmail))
        {
            foreach (var type in new[] { SubAccountFuturesType.UsdtMargined, SubAccountFuturesType.CoinMargined })
            {
                for (var page = 1; ; page++)
                {
                    var query = new SubAccountFuturesInternalTransferHistoryQuery(email, type) { StartTime = futuresStart, EndTime = end, Page = page, Limit = 500 };
                    var outcome = await api.GetFuturesInternalTransferHistoryAsync(query, ct).ConfigureAwait(false);
                    if (outcome is not Done<SubAccountFuturesInternalTransferPage> done) return outcome.Map(_ => rows.All);
                    var wallet = type == SubAccountFuturesType.UsdtMargined ? "USDT_FUTURE" : "COIN_FUTURE";
                    foreach (var r in done.Value.Transfers)
                    {
                        rows.Add(new("futures internal", r.TranId, r.Time, "FUTURES_INTERNAL", r.Asset, r.Qty, "SUCCESS",
                            $"{r.From}/{wallet}", $"{r.To}/{wallet}"));
                    }
                    if (done.Value.Transfers.Count < 500) break;
                }
            }
        }

        var spotQueries = new List<SubAccountSpotTransferHistoryQuery> { new(), new() { ToEmail = masterEmail } };
        spotQueries.AddRange(subAccounts.Select(s => new SubAccountSpotTransferHistoryQuery { FromEmail = s }));
        foreach (var query in spotQueries)
        {
            var outcome = await api.GetSpotTransferHistoryAsync(query with { StartTime = start, EndTime = end, Limit = 500 }, ct).ConfigureAwait(false);
            if (outcome is not Done<IReadOnlyList<SubAccountSpotTransferRow>> done) return outcome.Map(_ => rows.All);
            foreach (var r in done.Value)
            {
                rows.Add(new("sub-account spot", r.TranId, r.Time, "SPOT_TRANSFER", r.Asset, r.Qty, r.Status, $"{r.From}/SPOT", $"{r.To}/SPOT"));
            }
        }

        return new Done<IReadOnlyList<TransferHistoryEntry>>(rows.All);
    }

    /// <summary>A sub-account's own view: transfers in and out (subUserHistory, one call per direction).</summary>
    public static async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> SubAccountViewAsync(BinanceClient client, string ownEmail,
        DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rows = new Rows();
        foreach (var direction in new[] { SubAccountTransferDirection.In, SubAccountTransferDirection.Out })
        {
            var outcome = await client.SubAccount.GetUserTransferHistoryAsync(
                new SubAccountUserHistoryQuery { Type = direction, StartTime = start, EndTime = end, Limit = 500 }, ct).ConfigureAwait(false);
            if (outcome is not Done<IReadOnlyList<SubAccountUserTransferRow>> done) return outcome.Map(_ => rows.All);
            foreach (var r in done.Value)
            {
                var other = $"{r.Email} ({r.CounterParty})";
                var (from, to) = direction == SubAccountTransferDirection.In
                    ? ($"{other}/{r.FromAccountType}", $"{ownEmail}/{r.ToAccountType}")
                    : ($"{ownEmail}/{r.FromAccountType}", $"{other}/{r.ToAccountType}");
                rows.Add(new("sub-account user", r.TranId, r.Time, direction == SubAccountTransferDirection.In ? "IN" : "OUT",
                    r.Asset, r.Qty, r.Status, from, to));
            }
        }

        return new Done<IReadOnlyList<TransferHistoryEntry>>(rows.All);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Rows kept once per transfer id; the first source that lists an id wins (universal before spot).</summary>
    private sealed class Rows
    {
        private readonly List<TransferHistoryEntry> _rows = [];
        private readonly HashSet<long> _ids = [];

        public IReadOnlyList<TransferHistoryEntry> All => _rows;

        public void Add(TransferHistoryEntry entry)
        {
            if (_ids.Add(entry.TransferId)) _rows.Add(entry);
        }
    }
}
