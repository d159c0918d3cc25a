using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1/capital/deposit/subHisrec: one page (by offset) of a sub-account's deposits.</summary>
/// <param name="Email">The sub-account.</param>
public sealed record SubAccountDepositHistoryQuery(string Email) : IWireParameters
{
    /// <summary>The largest page Binance returns (and its default).</summary>
    public const int MaxLimit = 500;

    /// <summary>Only this coin.</summary>
    public string? Coin { get; init; }

    /// <summary>Only this status.</summary>
    public DepositStatus? Status { get; init; }

    /// <summary>Earliest insert time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest insert time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Rows per page, 1..500 (Binance default 500).</summary>
    public int? Limit { get; init; }

    /// <summary>Rows to skip (default 0).</summary>
    public int? Offset { get; init; }

    /// <summary>Only the deposit with this transaction id.</summary>
    public string? TxId { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(Email)
        ?? (Coin is null ? null : SubAccountInput.Coin(Coin))
        ?? (Status is null || Enum.IsDefined(Status.Value) ? null : $"status {(int)Status.Value} is not 0, 1, 6, 7 or 8.")
        ?? InputRules.Interval(StartTime, EndTime, null)
        ?? (Limit is { } l && (l < 1 || l > MaxLimit) ? $"limit must be between 1 and {MaxLimit}, not {l}." : null)
        ?? (Offset is < 0 ? $"offset must be 0 or more, not {Offset}." : null)
        ?? (TxId is { Length: 0 or > 200 } ? "txId must be 1 to 200 characters." : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.AddIfPresent("coin", Coin);
        if (Status is { } status) writer.Add("status", (int)status);
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("limit", Limit);
        writer.AddIfPresent("offset", Offset);
        writer.AddIfPresent("txId", TxId);
    }
}
