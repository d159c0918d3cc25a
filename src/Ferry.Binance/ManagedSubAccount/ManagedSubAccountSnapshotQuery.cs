using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET accountSnapshot: daily snapshots of one wallet of a managed sub-account (the last month only).</summary>
/// <param name="Email">The managed sub-account.</param>
/// <param name="Type">SPOT, MARGIN or FUTURES.</param>
public sealed record ManagedSubAccountSnapshotQuery(string Email, ManagedSnapshotType Type) : IWireParameters
{
    /// <summary>The fewest and most snapshots per request (documented 7..30; default 7).</summary>
    public const int MinLimit = 7, MaxLimit = 30;

    /// <summary>The longest window (documented: less than 30 days).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>Earliest snapshot time; no earlier than a month ago (checked by Binance against its clock).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest snapshot time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>How many snapshots, 7..30 (Binance default 7).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(Email) ?? ManagedWireNames.Defined((ManagedSnapshotType?)Type, "type")
        ?? InputRules.Interval(StartTime, EndTime, MaxWindow)
        ?? (Limit is { } l && (l < MinLimit || l > MaxLimit) ? $"limit must be between {MinLimit} and {MaxLimit}, not {l}." : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("type", Type.WireName());
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("limit", Limit);
    }
}
