using System.Globalization;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>Wire names of the managed sub-account enums.</summary>
public static class ManagedWireNames
{
    /// <summary>USDT_FUTURE or COIN_FUTURE.</summary>
    public static string WireName(this ManagedFuturesAccountType type) => type == ManagedFuturesAccountType.CoinFuture ? "COIN_FUTURE" : "USDT_FUTURE";

    /// <summary>MARGIN or ISOLATED_MARGIN.</summary>
    public static string WireName(this ManagedMarginAccountType type) => type == ManagedMarginAccountType.IsolatedMargin ? "ISOLATED_MARGIN" : "MARGIN";

    /// <summary>SPOT, MARGIN or FUTURES.</summary>
    public static string WireName(this ManagedSnapshotType type) => type switch
    {
        ManagedSnapshotType.Margin => "MARGIN",
        ManagedSnapshotType.Futures => "FUTURES",
        _ => "SPOT",
    };

    /// <summary>FROM or TO.</summary>
    public static string WireName(this ManagedTransferDirection direction) => direction == ManagedTransferDirection.To ? "TO" : "FROM";

    /// <summary>SPOT, MARGIN, ISOLATED_MARGIN, USDT_FUTURE or COIN_FUTURE.</summary>
    public static string WireName(this ManagedAccountType type) => type switch
    {
        ManagedAccountType.Margin => "MARGIN",
        ManagedAccountType.IsolatedMargin => "ISOLATED_MARGIN",
        ManagedAccountType.UsdtFuture => "USDT_FUTURE",
        ManagedAccountType.CoinFuture => "COIN_FUTURE",
        _ => "SPOT",
    };

    internal static string? Defined<TEnum>(TEnum? value, string name) where TEnum : struct, Enum =>
        value is not { } v || Enum.IsDefined(v) ? null : $"{name} {Convert.ToInt32(v, CultureInfo.InvariantCulture)} is not one of its documented values.";
}
