using Ferry.Binance.Http;

namespace Ferry.Binance.Margin;

/// <summary>A GET /sapi/v1/margin/transfer: cross (or one isolated) margin transfers, newest first, last 7 days by default.</summary>
public sealed record CrossMarginTransferHistoryQuery : IWireParameters
{
    /// <summary>The longest startTime..endTime span Binance accepts.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(30);

    /// <summary>Only this asset, e.g. "BNB".</summary>
    public string? Asset { get; init; }

    /// <summary>Only transfers in (ROLL_IN) or out (ROLL_OUT).</summary>
    public MarginTransferDirection? Type { get; init; }

    /// <summary>Earliest transfer time; with <see cref="EndTime"/> at most 30 days apart.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest transfer time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Page number from 1 (Binance default 1).</summary>
    public int? Current { get; init; }

    /// <summary>Rows per page, 1..100 (Binance default 10).</summary>
    public int? Size { get; init; }

    /// <summary>List the transfers of this isolated-margin symbol instead of cross margin.</summary>
    public string? IsolatedSymbol { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate() =>
        (Asset is null ? null : InputRules.Asset(Asset))
        ?? (Type is null || Enum.IsDefined(Type.Value) ? null : $"type {(int)Type.Value} is not ROLL_IN or ROLL_OUT.")
        ?? InputRules.Interval(StartTime, EndTime, MaxInterval)
        ?? InputRules.Page(Current, Size)
        ?? InputRules.Symbol(IsolatedSymbol, "isolatedSymbol");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("asset", Asset);
        if (Type is { } type)
        {
            writer.Add("type", type == MarginTransferDirection.RollIn ? "ROLL_IN" : "ROLL_OUT");
        }

        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("current", Current);
        writer.AddIfPresent("size", Size);
        writer.AddIfPresent("isolatedSymbol", IsolatedSymbol);
    }
}
