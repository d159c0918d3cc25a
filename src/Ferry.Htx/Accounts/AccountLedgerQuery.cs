using System.Globalization;
using Ferry.Htx.Http;

namespace Ferry.Htx.Accounts;

/// <summary>
/// A GET /v2/account/ledger: the spot account's transfers (10 days per query at most, the last 180 days are kept;
/// 100 rows per page by default, 500 at most; pages follow <c>nextId</c>).
/// </summary>
public sealed record AccountLedgerQuery : IHtxParameters
{
    /// <summary>The longest window one query may span.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(10);

    /// <summary>The spot account id (from GET /v1/account/accounts).</summary>
    public long? AccountId { get; init; }

    /// <summary>Only this currency (either case; sent lower-case).</summary>
    public string? Currency { get; init; }

    /// <summary>Transaction types; the endpoint serves "transfer" (the default).</summary>
    public string TransactTypes { get; init; } = "transfer";

    /// <summary>Earliest record time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest record time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Rows per page, 1..500 (HTX default 100).</summary>
    public int? Limit { get; init; }

    /// <summary>The first record of the page (a previous page's <c>nextId</c>).</summary>
    public long? FromId { get; init; }

    internal string? Validate() =>
        AccountId is <= 0 ? $"accountId must be a positive account id, not {AccountId}."
        : Currency is not null && HtxInputRules.Currency(Currency) is { } currency ? currency
        : TransactTypes != "transfer" ? $"transactTypes '{TransactTypes}' is not served; the ledger lists 'transfer'."
        : Limit is < 1 or > 500 ? $"limit must be between 1 and 500, not {Limit}."
        : FromId is <= 0 ? $"fromId must be positive, not {FromId}."
        : HtxInputRules.Window(StartTime, EndTime, MaxWindow);

    void IHtxParameters.WriteQuery(List<KeyValuePair<string, string>> query)
    {
        if (AccountId is { } id) query.Add(new("accountId", id.ToString(CultureInfo.InvariantCulture)));
        if (Currency is not null) query.Add(new("currency", Currency.ToLowerInvariant()));
        query.Add(new("transactTypes", TransactTypes));
        if (StartTime is { } start) query.Add(new("startTime", start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        if (EndTime is { } end) query.Add(new("endTime", end.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        if (Limit is { } limit) query.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
        if (FromId is { } from) query.Add(new("fromId", from.ToString(CultureInfo.InvariantCulture)));
    }
}
