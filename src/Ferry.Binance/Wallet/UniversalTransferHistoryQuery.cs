using Ferry.Binance.Http;

namespace Ferry.Binance.Wallet;

/// <summary>A GET /sapi/v1/asset/transfer: one page of universal transfers of one type (last 7 days by default, 6 months at most).</summary>
/// <param name="Type">The transfer type to list (required by Binance).</param>
public sealed record UniversalTransferHistoryQuery(UniversalTransferType Type) : IWireParameters
{
    /// <summary>Earliest transfer time to list.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time to list.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Page number from 1 (Binance default 1).</summary>
    public int? Current { get; init; }

    /// <summary>Rows per page, 1..100 (Binance default 10).</summary>
    public int? Size { get; init; }

    /// <summary>Isolated symbol of the source; required exactly when the source is isolated margin.</summary>
    public string? FromSymbol { get; init; }

    /// <summary>Isolated symbol of the target; required exactly when the target is isolated margin.</summary>
    public string? ToSymbol { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        TransferTypeRules.Check(Type, FromSymbol, ToSymbol)
        ?? InputRules.Interval(StartTime, EndTime, null)
        ?? InputRules.Page(Current, Size);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("type", Type.WireName());
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("current", Current);
        writer.AddIfPresent("size", Size);
        writer.AddIfPresent("fromSymbol", FromSymbol);
        writer.AddIfPresent("toSymbol", ToSymbol);
    }
}
