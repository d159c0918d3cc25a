using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET sub-account/universalTransfer (master key): one page of universal transfers from (or to) one account.
/// Neither email means "from the master"; the window is at most 7 days (default the last 7).</summary>
public sealed record SubAccountUniversalTransferHistoryQuery : IWireParameters
{
    /// <summary>The longest startTime..endTime span Binance accepts.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(7);

    /// <summary>Transfers out of this account (not with <see cref="ToEmail"/>).</summary>
    public string? FromEmail { get; init; }

    /// <summary>Transfers into this account (not with <see cref="FromEmail"/>).</summary>
    public string? ToEmail { get; init; }

    /// <summary>Only the transfer made with this clientTranId.</summary>
    public string? ClientTranId { get; init; }

    /// <summary>Earliest transfer time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time; at most 7 days after <see cref="StartTime"/>.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Page number from 1 (default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..500 (default 500).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        SubAccountInputRules.OneOf(FromEmail, ToEmail)
        ?? SubAccountInputRules.ClientTranId(ClientTranId)
        ?? SubAccountInputRules.Interval(StartTime, EndTime, MaxInterval)
        ?? SubAccountInputRules.PageAndLimit(Page, Limit, 500);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("fromEmail", FromEmail);
        writer.AddIfPresent("toEmail", ToEmail);
        writer.AddIfPresent("clientTranId", ClientTranId);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
