using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET sub-account/futures/internalTransfer (master key): futures internal transfers of one account.
/// Binance serves startTime no earlier than one month ago.</summary>
/// <param name="Email">The account whose transfers (in and out) to list.</param>
/// <param name="FuturesType">USDⓈ-M or COIN-M.</param>
public sealed record SubAccountFuturesInternalTransferHistoryQuery(string Email, SubAccountFuturesType FuturesType) : IWireParameters
{
    /// <summary>Earliest transfer time (no earlier than one month ago).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Page number from 1 (default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..500 (default 50).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        SubAccountInputRules.Email(Email, "email", true)
        ?? SubAccountInputRules.Defined(FuturesType, "futuresType")
        ?? SubAccountInputRules.Interval(StartTime, EndTime, null)
        ?? SubAccountInputRules.PageAndLimit(Page, Limit, 500);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("futuresType", (long)FuturesType);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
