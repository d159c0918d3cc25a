using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET sub-account/sub/transfer/history (master key): spot transfers between family accounts, from (or to) one
/// account; neither email means "from the master".</summary>
public sealed record SubAccountSpotTransferHistoryQuery : IWireParameters
{
    /// <summary>Transfers out of this account (not with <see cref="ToEmail"/>).</summary>
    public string? FromEmail { get; init; }

    /// <summary>Transfers into this account (not with <see cref="FromEmail"/>).</summary>
    public string? ToEmail { get; init; }

    /// <summary>Earliest transfer time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Page number from 1 (default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..500 (default 500).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        SubAccountInputRules.OneOf(FromEmail, ToEmail)
        ?? SubAccountInputRules.Interval(StartTime, EndTime, null)
        ?? SubAccountInputRules.PageAndLimit(Page, Limit, 500);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("fromEmail", FromEmail);
        writer.AddIfPresent("toEmail", ToEmail);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
