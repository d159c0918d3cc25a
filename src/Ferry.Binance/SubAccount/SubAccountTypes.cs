namespace Ferry.Binance.SubAccount;

/// <summary>The wallet types of the sub-account universal transfer (<c>fromAccountType</c>/<c>toAccountType</c>).</summary>
public enum SubAccountAccountType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>USDT_FUTURE (USDⓈ-M futures).</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE (COIN-M futures).</summary>
    CoinFuture,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN (needs <c>symbol</c>).</summary>
    IsolatedMargin,
}

/// <summary><c>type</c> of POST sub-account/margin/transfer.</summary>
public enum SubAccountMarginTransferType
{
    /// <summary>1: the sub-account's spot → its cross margin.</summary>
    SpotToMargin = 1,
    /// <summary>2: the sub-account's cross margin → its spot.</summary>
    MarginToSpot = 2,
}

/// <summary><c>type</c> of POST sub-account/futures/transfer.</summary>
public enum SubAccountFuturesTransferType
{
    /// <summary>1: spot → USDⓈ-M futures.</summary>
    SpotToUsdtFuture = 1,
    /// <summary>2: USDⓈ-M futures → spot.</summary>
    UsdtFutureToSpot = 2,
    /// <summary>3: spot → COIN-M futures.</summary>
    SpotToCoinFuture = 3,
    /// <summary>4: COIN-M futures → spot.</summary>
    CoinFutureToSpot = 4,
}

/// <summary><c>futuresType</c> of the futures internal transfer and its history.</summary>
public enum SubAccountFuturesType
{
    /// <summary>1: USDⓈ-M futures.</summary>
    UsdtMargined = 1,
    /// <summary>2: COIN-M futures.</summary>
    CoinMargined = 2,
}

/// <summary><c>type</c> of GET sub-account/transfer/subUserHistory.</summary>
public enum SubAccountTransferDirection
{
    /// <summary>1: transfers into the calling sub-account.</summary>
    In = 1,
    /// <summary>2: transfers out of it (Binance's default).</summary>
    Out = 2,
}

/// <summary>Wire names of <see cref="SubAccountAccountType"/>.</summary>
public static class SubAccountAccountTypes
{
    /// <summary>"SPOT", "USDT_FUTURE", "COIN_FUTURE", "MARGIN" or "ISOLATED_MARGIN".</summary>
    public static string WireName(this SubAccountAccountType type) => type switch
    {
        SubAccountAccountType.Spot => "SPOT",
        SubAccountAccountType.UsdtFuture => "USDT_FUTURE",
        SubAccountAccountType.CoinFuture => "COIN_FUTURE",
        SubAccountAccountType.Margin => "MARGIN",
        SubAccountAccountType.IsolatedMargin => "ISOLATED_MARGIN",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a sub-account account type."),
    };

    /// <summary>True for the two futures wallets.</summary>
    public static bool IsFutures(this SubAccountAccountType type) =>
        type is SubAccountAccountType.UsdtFuture or SubAccountAccountType.CoinFuture;
}

/// <summary>Makes <c>clientTranId</c> values: "ferry" plus 24 random hex digits (96 bits), short enough for any limit.</summary>
public static class ClientTranIds
{
    /// <summary>The longest clientTranId the client sends (Binance documents none; the simulator uses the same limit).</summary>
    public const int MaxLength = 64;

    /// <summary>A new random id such as <c>ferry3f9c0a1b2c3d4e5f60718293</c>.</summary>
    public static string New() => "ferry" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
