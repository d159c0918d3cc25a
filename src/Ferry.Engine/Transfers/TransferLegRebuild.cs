using System.Globalization;
using Ferry.Engine.Addresses;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;
using Ferry.Engine.Journal;
using Ferry.Core.Money;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Rebuilds a route leg from its journal description (kind, account, wallets and the public parameters as sent), so a
/// route can be continued by a later process exactly as it was planned: same parameters, same clientTranId.
/// </summary>
public static class TransferLegRebuild
{
    /// <summary>The leg the description was written from; throws <see cref="JournalCorruptException"/> when the
    /// description is not a readable Binance route leg.</summary>
    public static TransferLeg From(LegDescription d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!Enum.TryParse<TransferEndpointKind>(d.Kind, out var kind) || d.Venue != "binance")
            throw Bad(d, $"its kind '{d.Kind}' on {d.Venue} is not a Binance route leg");
        var (from, to) = (Address(d, d.From), Address(d, d.To));
        string P(string name) => d.Parameters.FirstOrDefault(p => p.Key == name).Value ?? throw Bad(d, $"it has no '{name}' parameter");
        string? Opt(string name) => d.Parameters.FirstOrDefault(p => p.Key == name).Value;
        int Int(string name) => int.TryParse(P(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(d, $"'{name}' is not a number");
        var (asset, amount) = (d.Asset, d.Amount);
        if (Opt("amount") is { } wire && (!WireDecimal.TryParse(wire, out var sent) || sent != amount))
            throw Bad(d, "its amount parameter differs from its amount");

        TransferLeg leg = kind switch
        {
            TransferEndpointKind.WalletUniversalTransfer => UniversalTransferTypes.TryParse(P("type"), out var type)
                ? new WalletTransferLeg(new WalletTransferPlan(d.AccountName, from, to, asset, amount, type, Opt("fromSymbol"), Opt("toSymbol")))
                : throw Bad(d, $"'{P("type")}' is not a transfer type"),
            TransferEndpointKind.SubAccountUniversalTransfer => new SubAccountUniversalTransferLeg(d.AccountName, from, to,
                new SubAccountUniversalTransferRequest(AccountType(d, P("fromAccountType")), AccountType(d, P("toAccountType")), asset, amount)
                {
                    FromEmail = Opt("fromEmail"), ToEmail = Opt("toEmail"), Symbol = Opt("symbol"), ClientTranId = d.ClientTranId ?? Opt("clientTranId"),
                }),
            TransferEndpointKind.SubAccountMarginTransfer => new SubAccountMarginTransferLeg(d.AccountName, from, to,
                new(P("email"), asset, amount, (SubAccountMarginTransferType)Int("type"))),
            TransferEndpointKind.SubAccountFuturesTransfer => new SubAccountFuturesTransferLeg(d.AccountName, from, to,
                new(P("email"), asset, amount, (SubAccountFuturesTransferType)Int("type"))),
            TransferEndpointKind.SubAccountFuturesInternalTransfer => new SubAccountFuturesInternalTransferLeg(d.AccountName, from, to,
                new(P("fromEmail"), P("toEmail"), (SubAccountFuturesType)Int("futuresType"), asset, amount)),
            TransferEndpointKind.SubAccountToMaster => new SubAccountToMasterLeg(d.AccountName, from, to, new(asset, amount)),
            TransferEndpointKind.SubAccountToSubAccount => new SubAccountToSubAccountLeg(d.AccountName, from, to, new(P("toEmail"), asset, amount)),
            _ => throw Bad(d, $"{kind} legs are not part of routes"),
        };
        // Paired check: the rebuilt leg must describe itself exactly as the journal recorded it.
        if (!leg.Parameters.SequenceEqual(d.Parameters) || leg.Endpoint != d.Endpoint)
            throw Bad(d, "its parameters do not rebuild to the same request");
        return leg;
    }

    /// <summary>The same leg with a fresh clientTranId (for a new entry after the exchange rejected the previous one);
    /// legs whose endpoint takes no client id are returned as they are.</summary>
    public static TransferLeg WithNewClientTranId(TransferLeg leg, Func<string>? newClientTranId = null) => leg switch
    {
        SubAccountUniversalTransferLeg u => u with { Request = u.Request with { ClientTranId = (newClientTranId ?? ClientTranIds.New)() } },
        _ => leg,
    };

    private static WalletAddress Address(LegDescription d, string text) =>
        WalletAddress.TryParse(text, out var address, out var error) ? address : throw Bad(d, error);

    private static SubAccountAccountType AccountType(LegDescription d, string wire) =>
        SubAccountAccountTypes.TryParse(wire, out var type) ? type : throw Bad(d, $"'{wire}' is not a sub-account account type");

    private static JournalCorruptException Bad(LegDescription d, string why) =>
        new($"The journal's leg {d.Kind} on account '{d.AccountName}' cannot be rebuilt: {why}.");
}
