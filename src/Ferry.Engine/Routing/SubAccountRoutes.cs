using Ferry.Engine.Addresses;
using Ferry.Binance.SubAccount;

namespace Ferry.Engine.Routing;

/// <summary>
/// Which sub-account endpoint connects which wallets. Universal transfer: SPOT, USDⓈ-M, COIN-M, cross and isolated
/// margin; never two futures wallets (documented); at least one side SPOT and two different accounts (the simulator's
/// assumed reading of the docs' list of supported scenarios — keep the two in step).
/// </summary>
public static class SubAccountRoutes
{
    /// <summary>The universal-transfer account type of a wallet, or null when the endpoint does not name it.</summary>
    public static SubAccountAccountType? AccountType(WalletKind wallet) => wallet switch
    {
        WalletKind.Spot => SubAccountAccountType.Spot,
        WalletKind.UsdM => SubAccountAccountType.UsdtFuture,
        WalletKind.CoinM => SubAccountAccountType.CoinFuture,
        WalletKind.Margin => SubAccountAccountType.Margin,
        WalletKind.Isolated => SubAccountAccountType.IsolatedMargin,
        _ => null,
    };

    /// <summary>True when the sub-account universal transfer joins these two wallets of two different accounts.</summary>
    public static bool UniversalConnects(WalletKind from, WalletKind to) =>
        AccountType(from) is { } f && AccountType(to) is { } t && !(f.IsFutures() && t.IsFutures())
        && (f == SubAccountAccountType.Spot || t == SubAccountAccountType.Spot);

    /// <summary>The futures internal transfer's type when both wallets are the same kind of futures wallet.</summary>
    public static SubAccountFuturesType? FuturesInternalType(WalletKind from, WalletKind to) => (from, to) switch
    {
        (WalletKind.UsdM, WalletKind.UsdM) => SubAccountFuturesType.UsdtMargined,
        (WalletKind.CoinM, WalletKind.CoinM) => SubAccountFuturesType.CoinMargined,
        _ => null,
    };

    /// <summary>The margin transfer's type for a sub-account's spot ↔ cross margin.</summary>
    public static SubAccountMarginTransferType? MarginType(WalletKind from, WalletKind to) => (from, to) switch
    {
        (WalletKind.Spot, WalletKind.Margin) => SubAccountMarginTransferType.SpotToMargin,
        (WalletKind.Margin, WalletKind.Spot) => SubAccountMarginTransferType.MarginToSpot,
        _ => null,
    };

    /// <summary>The futures transfer's type for a sub-account's spot ↔ USDⓈ-M or COIN-M.</summary>
    public static SubAccountFuturesTransferType? FuturesType(WalletKind from, WalletKind to) => (from, to) switch
    {
        (WalletKind.Spot, WalletKind.UsdM) => SubAccountFuturesTransferType.SpotToUsdtFuture,
        (WalletKind.UsdM, WalletKind.Spot) => SubAccountFuturesTransferType.UsdtFutureToSpot,
        (WalletKind.Spot, WalletKind.CoinM) => SubAccountFuturesTransferType.SpotToCoinFuture,
        (WalletKind.CoinM, WalletKind.Spot) => SubAccountFuturesTransferType.CoinFutureToSpot,
        _ => null,
    };
}
