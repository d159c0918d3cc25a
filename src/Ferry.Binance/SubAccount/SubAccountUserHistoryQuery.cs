using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

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
