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

/// <summary>GET sub-account/transfer/subUserHistory (sub-account key): the caller's transfers in or out (Binance's
/// default is out), the last 30 days by default.</summary>
public sealed record SubAccountUserHistoryQuery : IWireParameters
{
    /// <summary>Only this asset.</summary>
    public string? Asset { get; init; }

    /// <summary>In or out; Binance answers "out" when this is not sent.</summary>
    public SubAccountTransferDirection? Type { get; init; }

    /// <summary>Earliest transfer time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Rows, 1..500 (default 500).</summary>
    public int? Limit { get; init; }

    /// <summary>Also list FAILURE rows (Binance default false).</summary>
    public bool? ReturnFailHistory { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        (Asset is null ? null : InputRules.Asset(Asset))
        ?? (Type is { } t ? SubAccountInputRules.Defined(t, "type") : null)
        ?? SubAccountInputRules.Interval(StartTime, EndTime, null)
        ?? SubAccountInputRules.PageAndLimit(null, Limit, 500);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("asset", Asset);
        writer.AddIfPresent("type", (long?)Type);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("limit", Limit);
        if (ReturnFailHistory is { } fail)
        {
            writer.Add("returnFailHistory", fail ? "true" : "false");
        }
    }
}
