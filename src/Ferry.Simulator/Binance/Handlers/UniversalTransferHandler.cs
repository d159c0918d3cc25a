using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>POST /sapi/v1/asset/transfer: moves between the key owner's own wallets; answers {"tranId": n}.</summary>
internal sealed class UniversalTransferHandler(SimLedger ledger)
{
    public SimResponse Handle(SimRequest r)
    {
        var type = UniversalTransferTypes.Find(r.Text("type"));
        if (type is null) return SimResponse.Fail(RequestParams.Malformed("type"));
        if (r.Code("asset", out var asset) is { } e1) return SimResponse.Fail(e1);
        if (asset is null) return SimResponse.Fail(RequestParams.Malformed("asset"));
        if (r.Amount("amount", out var amount) is { } e2) return SimResponse.Fail(e2);
        if (r.Code("fromSymbol", out var fromSymbol) is { } e3) return SimResponse.Fail(e3);
        if (r.Code("toSymbol", out var toSymbol) is { } e4) return SimResponse.Fail(e4);
        if (type.NeedsFromSymbol && fromSymbol is null) return SimResponse.Fail(RequestParams.Malformed("fromSymbol"));
        if (type.NeedsToSymbol && toSymbol is null) return SimResponse.Fail(RequestParams.Malformed("toSymbol"));
        // A symbol on a non-isolated side is ignored (as documented for the other types), so only isolated sides are checked.
        if (IsolatedMarginPairs.Check(ledger, type.From, fromSymbol, type.To, toSymbol) is { } e5) return SimResponse.Fail(e5);

        var owner = r.Owner!;
        var outcome = ledger.Move(new MoveRequest(
            MoveChannels.UniversalTransfer, type.Name, owner,
            WalletAddress.Of(owner, type.From, fromSymbol), WalletAddress.Of(owner, type.To, toSymbol), asset, amount));
        if (!outcome.Succeeded) return SimResponse.Fail(ErrorFor(outcome.Failure, type));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tranId", outcome.Move!.Id);
            w.WriteEndObject();
        }));
    }

    private static BinanceError ErrorFor(MoveFailure failure, UniversalTransferType type) => failure switch
    {
        MoveFailure.InsufficientBalance => BinanceErrors.InsufficientBalance,
        MoveFailure.NonPositiveAmount => RequestParams.Malformed("amount"),
        MoveFailure.WalletNotEnabled when type.From is WalletKind.UsdtFuture or WalletKind.CoinFuture
            || type.To is WalletKind.UsdtFuture or WalletKind.CoinFuture => BinanceErrors.FutureAccountMissing,
        _ => BinanceErrors.TransferFailed,
    };
}
