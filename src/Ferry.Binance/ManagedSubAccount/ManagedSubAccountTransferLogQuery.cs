using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>The three transfer logs: startTime, endTime (at most half a year apart), page and limit are required by the
/// docs; <see cref="Email"/> names the managed sub-account for the investor and trading-team master logs and must be null
/// for the trading-team sub-account's own log.</summary>
/// <param name="StartTime">Earliest createTime.</param>
/// <param name="EndTime">Latest createTime.</param>
public sealed record ManagedSubAccountTransferLogQuery(DateTimeOffset StartTime, DateTimeOffset EndTime) : IWireParameters
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>"half a year" between startTime and endTime, taken as 183 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(183);

    /// <summary>The managed sub-account (investor and trading-team master logs only).</summary>
    public string? Email { get; init; }

    /// <summary>Page from 1 (sent as 1 when null: the parameter is required).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..500 (sent as 500 when null: the parameter is required).</summary>
    public int? Limit { get; init; }

    /// <summary>Only transfers out of (FROM) or into (TO) the managed sub-account.</summary>
    public ManagedTransferDirection? Transfers { get; init; }

    /// <summary>Only transfers whose account type on the managed sub-account's side is this.</summary>
    public ManagedAccountType? TransferFunctionAccountType { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.OptionalEmail(Email)
        ?? InputRules.Interval(StartTime, EndTime, MaxWindow)
        ?? SubAccountInput.Page(Page, Limit, MaxLimit)
        ?? ManagedWireNames.Defined(Transfers, "transfers")
        ?? ManagedWireNames.Defined(TransferFunctionAccountType, "transferFunctionAccountType");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("email", Email);
        writer.Add("startTime", StartTime.ToUnixTimeMilliseconds());
        writer.Add("endTime", EndTime.ToUnixTimeMilliseconds());
        writer.Add("page", Page ?? 1);
        writer.Add("limit", Limit ?? MaxLimit);
        writer.AddIfPresent("transfers", Transfers?.WireName());
        writer.AddIfPresent("transferFunctionAccountType", TransferFunctionAccountType?.WireName());
    }
}
