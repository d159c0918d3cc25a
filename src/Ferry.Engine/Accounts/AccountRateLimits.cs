using Ferry.Binance;

namespace Ferry.Engine.Accounts;

/// <summary>
/// An account's own rate budgets (accounts.json <c>rateLimits</c>): the UID and IP weight per /sapi endpoint per window,
/// and, for a simulator account only, the window's length. Unset parts keep the client's defaults (Binance's published
/// limits). Lowering a budget leaves headroom for other tools on the same key; every Ferry process on one PostgreSQL
/// journal reserves UID weight against the same figure, so give them all the same setting.
/// </summary>
public sealed record AccountRateLimits(int? UidWeight = null, int? IpWeight = null, TimeSpan? Window = null)
{
    /// <summary>Sets what this names on <paramref name="options"/> and leaves the rest as it was.</summary>
    public BinanceClientOptions ApplyTo(BinanceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (UidWeight is { } uid) options.UidWeightPerMinute = uid;
        if (IpWeight is { } ip) options.IpWeightPerMinute = ip;
        if (Window is { } window) options.WeightWindow = window;
        return options;
    }
}
