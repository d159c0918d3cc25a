using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.SubAccount;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Routing;

/// <summary>Whose key may call a connector's endpoint.</summary>
public enum RouteKey
{
    /// <summary>The key of the account whose wallets the leg moves between (POST /sapi/v1/asset/transfer).</summary>
    Owner,
    /// <summary>The master's key (the sub-account endpoints).</summary>
    Master,
    /// <summary>The source sub-account's own key (subToMaster, subToSub).</summary>
    SourceSubAccount,
}

/// <summary>The two ends of a candidate leg, each with its owner's email (null only for a home account without one).</summary>
/// <param name="From">The source wallet as the route names it.</param>
/// <param name="To">The target wallet as the route names it.</param>
/// <param name="FromOwner">The source wallet's account email.</param>
/// <param name="ToOwner">The target wallet's account email.</param>
/// <param name="MasterEmail">The family's master email.</param>
public sealed record RouteEnds(WalletAddress From, WalletAddress To, string? FromOwner, string? ToOwner, string? MasterEmail)
{
    /// <summary>True when both wallets belong to one account.</summary>
    public bool SameAccount => string.Equals(FromOwner, ToOwner, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the source account is the master.</summary>
    public bool FromMaster => string.Equals(FromOwner, MasterEmail, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the target account is the master.</summary>
    public bool ToMaster => string.Equals(ToOwner, MasterEmail, StringComparison.OrdinalIgnoreCase);

    /// <summary>The source with its owner's email written out (how a leg between two accounts names it).</summary>
    public WalletAddress QualifiedFrom => From with { Email = FromOwner };

    /// <summary>The target with its owner's email written out.</summary>
    public WalletAddress QualifiedTo => To with { Email = ToOwner };
}

/// <summary>
/// One money-moving endpoint as a source of route edges: the client's endpoint row (weights, permission), whose key may
/// call it, whether it joins wallets of one account or of two, which wallet pairs it joins (<see cref="Joins"/>) and
/// how it builds the leg. <see cref="Preference"/> is the stable tie-break (lower first).
/// </summary>
public sealed record RouteConnector(
    TransferEndpointKind Kind,
    BinanceEndpoint Endpoint,
    RouteKey Key,
    bool CrossAccount,
    int Preference,
    Func<RouteEnds, bool> Joins,
    Func<RouteEnds, string, string, decimal, Func<string>, TransferLeg> Build)
{
    /// <summary>The weight the leg spends: IP plus UID weight of the endpoint row.</summary>
    public int Weight => Endpoint.IpWeight + Endpoint.UidWeight;
}

/// <summary>
/// The Binance connectors, one per money-moving endpoint of <see cref="BinanceEndpoints"/>, in today's preference order
/// (own key inside one account; the master's universal transfer, then futures internal transfer, then the sub-account's
/// own subToMaster/subToSub between accounts; the master's margin/futures transfer inside a sub-account). What each
/// joins comes from <see cref="WalletTransferTypes"/> and <see cref="SubAccountRoutes"/>; adding an endpoint here adds
/// its edges to every route. Managed sub-account deposit/withdraw are not connectors: managed sub-accounts are not
/// part of a master's family in the account configuration, so the planner could not name them.
/// </summary>
public static class RouteConnectors
{
    /// <summary>Every connector, by preference.</summary>
    public static IReadOnlyList<RouteConnector> Binance { get; } =
    [
        new(TransferEndpointKind.WalletUniversalTransfer, BinanceEndpoints.UniversalTransfer, RouteKey.Owner, CrossAccount: false, 0,
            e => WalletTransferTypes.Find(e.From.Wallet, e.To.Wallet) is not null,
            (e, key, asset, amount, _) =>
            {
                var type = WalletTransferTypes.Find(e.From.Wallet, e.To.Wallet)!.Value;
                return new WalletTransferLeg(new WalletTransferPlan(key, e.From, e.To, asset, amount, type,
                    e.From.Wallet == WalletKind.Isolated ? e.From.Market : null, e.To.Wallet == WalletKind.Isolated ? e.To.Market : null));
            }),
        new(TransferEndpointKind.SubAccountUniversalTransfer, BinanceEndpoints.SubAccountUniversalTransfer, RouteKey.Master, CrossAccount: true, 1,
            e => SubAccountRoutes.UniversalConnects(e.From.Wallet, e.To.Wallet),
            (e, key, asset, amount, newId) => new SubAccountUniversalTransferLeg(key, e.QualifiedFrom, e.QualifiedTo,
                new SubAccountUniversalTransferRequest(
                    SubAccountRoutes.AccountType(e.From.Wallet)!.Value, SubAccountRoutes.AccountType(e.To.Wallet)!.Value, asset, amount)
                {
                    FromEmail = e.FromMaster ? null : e.FromOwner,
                    ToEmail = e.ToMaster ? null : e.ToOwner,
                    Symbol = e.From.Wallet == WalletKind.Isolated ? e.From.Market : e.To.Wallet == WalletKind.Isolated ? e.To.Market : null,
                    ClientTranId = newId(),
                })),
        new(TransferEndpointKind.SubAccountFuturesInternalTransfer, BinanceEndpoints.SubAccountFuturesInternalTransfer, RouteKey.Master, CrossAccount: true, 2,
            e => SubAccountRoutes.FuturesInternalType(e.From.Wallet, e.To.Wallet) is not null,
            (e, key, asset, amount, _) => new SubAccountFuturesInternalTransferLeg(key, e.QualifiedFrom, e.QualifiedTo,
                new(e.FromOwner!, e.ToOwner!, SubAccountRoutes.FuturesInternalType(e.From.Wallet, e.To.Wallet)!.Value, asset, amount))),
        new(TransferEndpointKind.SubAccountToMaster, BinanceEndpoints.SubAccountToMaster, RouteKey.SourceSubAccount, CrossAccount: true, 3,
            e => !e.FromMaster && e.ToMaster && e.From.Wallet == WalletKind.Spot && e.To.Wallet == WalletKind.Spot,
            (e, key, asset, amount, _) => new SubAccountToMasterLeg(key, e.QualifiedFrom, e.QualifiedTo, new(asset, amount))),
        new(TransferEndpointKind.SubAccountToSubAccount, BinanceEndpoints.SubAccountToSubAccount, RouteKey.SourceSubAccount, CrossAccount: true, 4,
            e => !e.FromMaster && !e.ToMaster && e.From.Wallet == WalletKind.Spot && e.To.Wallet == WalletKind.Spot,
            (e, key, asset, amount, _) => new SubAccountToSubAccountLeg(key, e.QualifiedFrom, e.QualifiedTo, new(e.ToOwner!, asset, amount))),
        new(TransferEndpointKind.SubAccountMarginTransfer, BinanceEndpoints.SubAccountMarginTransfer, RouteKey.Master, CrossAccount: false, 5,
            e => !e.FromMaster && e.FromOwner is not null && SubAccountRoutes.MarginType(e.From.Wallet, e.To.Wallet) is not null,
            (e, key, asset, amount, _) => new SubAccountMarginTransferLeg(key, e.From, e.To,
                new(e.FromOwner!, asset, amount, SubAccountRoutes.MarginType(e.From.Wallet, e.To.Wallet)!.Value))),
        new(TransferEndpointKind.SubAccountFuturesTransfer, BinanceEndpoints.SubAccountFuturesTransfer, RouteKey.Master, CrossAccount: false, 6,
            e => !e.FromMaster && e.FromOwner is not null && SubAccountRoutes.FuturesType(e.From.Wallet, e.To.Wallet) is not null,
            (e, key, asset, amount, _) => new SubAccountFuturesTransferLeg(key, e.From, e.To,
                new(e.FromOwner!, asset, amount, SubAccountRoutes.FuturesType(e.From.Wallet, e.To.Wallet)!.Value))),
    ];

    /// <summary>Binance's flag name of a key permission, as a person enables it on the API-key page.</summary>
    public static string PermissionName(KeyPermission permission) => permission switch
    {
        KeyPermission.UniversalTransfer => "permitsUniversalTransfer",
        KeyPermission.InternalTransfer => "enableInternalTransfer",
        KeyPermission.SpotAndMarginTrading => "enableSpotAndMarginTrading",
        KeyPermission.Margin => "enableMargin",
        KeyPermission.Futures => "enableFutures",
        KeyPermission.Reading => "enableReading",
        _ => "none",
    };
}
