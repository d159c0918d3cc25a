using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The asset-moving sub-account endpoints. Each checks the caller's role and its parameters, then makes one
/// atomic ledger move; the ledger holds the rules (users, enabled wallets, balance, unique clientTranId).</summary>
internal sealed class SubAccountTransferHandlers(SimLedger ledger)
{
    /// <summary>POST /sapi/v1/sub-account/universalTransfer (master): between any two of master and sub-accounts;
    /// answers {"tranId": n, "clientTranId": "..."} (tranId a number).</summary>
    public SimResponse UniversalTransfer(SimRequest r)
    {
        if (SubAccountRules.RequireMaster(ledger, r, out var master) is { } e0) return SimResponse.Fail(e0);
        if (r.AccountType("fromAccountType", out var fromType) is { } e1) return SimResponse.Fail(e1);
        if (r.AccountType("toAccountType", out var toType) is { } e2) return SimResponse.Fail(e2);
        if (Asset(r, out var asset) is { } e3) return SimResponse.Fail(e3);
        if (r.Amount("amount", out var amount) is { } e4) return SimResponse.Fail(e4);
        if (r.Email("fromEmail", out var fromEmail) is { } e5) return SimResponse.Fail(e5);
        if (r.Email("toEmail", out var toEmail) is { } e6) return SimResponse.Fail(e6);
        if (r.Code("symbol", out var symbol) is { } e7) return SimResponse.Fail(e7);
        if (r.ClientTranId(out var clientTranId) is { } e8) return SimResponse.Fail(e8);
        if ((fromType == WalletKind.IsolatedMargin || toType == WalletKind.IsolatedMargin) && symbol is null)
        {
            return SimResponse.Fail(RequestParams.Malformed("symbol"));
        }
        if (IsolatedMarginPairs.Check(ledger, fromType, symbol, toType, symbol) is { } e11) return SimResponse.Fail(e11);
        // Documented: "Transfer from/to master account by default if fromEmail/toEmail is not sent".
        var fromUser = master;
        var toUser = master;
        if (fromEmail is not null && SubAccountRules.MasterOrSubAccount(ledger, fromEmail, out fromUser) is { } e9) return SimResponse.Fail(e9);
        if (toEmail is not null && SubAccountRules.MasterOrSubAccount(ledger, toEmail, out toUser) is { } e10) return SimResponse.Fail(e10);
        if (Unsupported(fromUser, fromType, toUser, toType)) return SimResponse.Fail(BinanceErrors.UnsupportedOperation);

        var from = WalletAddress.Of(fromUser.Email, fromType, symbol);
        var to = WalletAddress.Of(toUser.Email, toType, symbol);
        var outcome = ledger.Move(new MoveRequest(MoveChannels.SubAccountUniversalTransfer,
            $"{WalletNames.Name(fromType)}_{WalletNames.Name(toType)}", master.Email, from, to, asset!, amount, clientTranId));
        if (!outcome.Succeeded) return SimResponse.Fail(SubAccountRules.ErrorFor(ledger, outcome.Failure, from, to));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tranId", outcome.Move!.Id);
            w.WriteString("clientTranId", clientTranId ?? "");
            w.WriteEndObject();
        }));
    }

    /// <summary>Scenarios the endpoint refuses with -9000: between two futures wallets (documented: "Transfer between
    /// futures accounts is not supported"); within one account, and with neither side SPOT (assumed from the docs'
    /// list of supported scenarios, every one of which has a SPOT side).</summary>
    internal static bool Unsupported(SimUser fromUser, WalletKind fromType, SimUser toUser, WalletKind toType) =>
        (IsFutures(fromType) && IsFutures(toType)) ||
        SubAccountRules.Same(fromUser.Email, toUser.Email) ||
        (fromType != WalletKind.Spot && toType != WalletKind.Spot);

    /// <summary>POST /sapi/v1/sub-account/margin/transfer (master): type 1 spot→margin, 2 margin→spot of the sub-account.</summary>
    public SimResponse MarginTransfer(SimRequest r) => WithinSubAccount(r, MoveChannels.SubAccountMarginTransfer, maxType: 2, type => type switch
    {
        1 => (WalletKind.Spot, WalletKind.Margin),
        _ => (WalletKind.Margin, WalletKind.Spot),
    });

    /// <summary>POST /sapi/v1/sub-account/futures/transfer (master): 1 spot→USDⓈ-M, 2 USDⓈ-M→spot, 3 spot→COIN-M, 4 COIN-M→spot.</summary>
    public SimResponse FuturesTransfer(SimRequest r) => WithinSubAccount(r, MoveChannels.SubAccountFuturesTransfer, maxType: 4, type => type switch
    {
        1 => (WalletKind.Spot, WalletKind.UsdtFuture),
        2 => (WalletKind.UsdtFuture, WalletKind.Spot),
        3 => (WalletKind.Spot, WalletKind.CoinFuture),
        _ => (WalletKind.CoinFuture, WalletKind.Spot),
    });

    /// <summary>POST /sapi/v1/sub-account/futures/internalTransfer (master): futures wallet to futures wallet of the same
    /// kind (futuresType 1 USDⓈ-M, 2 COIN-M) between master and sub-accounts; answers {"success":true,"txnId":"..."}.</summary>
    public SimResponse FuturesInternalTransfer(SimRequest r)
    {
        if (SubAccountRules.RequireMaster(ledger, r, out var master) is { } e0) return SimResponse.Fail(e0);
        if (r.RequiredEmail("fromEmail", out var fromEmail) is { } e1) return SimResponse.Fail(e1);
        if (r.RequiredEmail("toEmail", out var toEmail) is { } e2) return SimResponse.Fail(e2);
        if (r.Choice("futuresType", 1, 2, out var futuresType) is { } e3) return SimResponse.Fail(e3);
        if (futuresType is null) return SimResponse.Fail(RequestParams.Malformed("futuresType"));
        if (Asset(r, out var asset) is { } e4) return SimResponse.Fail(e4);
        if (r.Amount("amount", out var amount) is { } e5) return SimResponse.Fail(e5);
        if (SubAccountRules.MasterOrSubAccount(ledger, fromEmail, out var fromUser) is { } e6) return SimResponse.Fail(e6);
        if (SubAccountRules.MasterOrSubAccount(ledger, toEmail, out var toUser) is { } e7) return SimResponse.Fail(e7);

        var wallet = futuresType == 1 ? WalletKind.UsdtFuture : WalletKind.CoinFuture;
        var outcome = Move(MoveChannels.SubAccountFuturesInternalTransfer, futuresType.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            master.Email, WalletAddress.Of(fromUser.Email, wallet), WalletAddress.Of(toUser.Email, wallet), asset!, amount);
        return outcome.Error is { } error ? SimResponse.Fail(error) : TxnId(outcome.Move!, withSuccess: true);
    }

    /// <summary>POST /sapi/v1/sub-account/transfer/subToMaster (sub-account key): the caller's spot to the master's spot.</summary>
    public SimResponse SubToMaster(SimRequest r)
    {
        if (SubAccountRules.RequireSubAccount(ledger, r, out var sub) is { } e0) return SimResponse.Fail(e0);
        if (Asset(r, out var asset) is { } e1) return SimResponse.Fail(e1);
        if (r.Amount("amount", out var amount) is { } e2) return SimResponse.Fail(e2);
        var master = ledger.Master!;
        var outcome = Move(MoveChannels.SubToMaster, "SPOT_SPOT", sub.Email,
            WalletAddress.Of(sub.Email, WalletKind.Spot), WalletAddress.Of(master.Email, WalletKind.Spot), asset!, amount);
        return outcome.Error is { } error ? SimResponse.Fail(error) : TxnId(outcome.Move!, withSuccess: false);
    }

    /// <summary>POST /sapi/v1/sub-account/transfer/subToSub (sub-account key): the caller's spot to a sibling's spot.
    /// toEmail must be another sub-account of the same master (the master's email → -5021, assumed).</summary>
    public SimResponse SubToSub(SimRequest r)
    {
        if (SubAccountRules.RequireSubAccount(ledger, r, out var sub) is { } e0) return SimResponse.Fail(e0);
        if (r.RequiredEmail("toEmail", out var toEmail) is { } e1) return SimResponse.Fail(e1);
        if (Asset(r, out var asset) is { } e2) return SimResponse.Fail(e2);
        if (r.Amount("amount", out var amount) is { } e3) return SimResponse.Fail(e3);
        if (SubAccountRules.SubAccountOf(ledger, toEmail, out var target) is { } e4) return SimResponse.Fail(e4);
        var outcome = Move(MoveChannels.SubToSub, "SPOT_SPOT", sub.Email,
            WalletAddress.Of(sub.Email, WalletKind.Spot), WalletAddress.Of(target.Email, WalletKind.Spot), asset!, amount);
        return outcome.Error is { } error ? SimResponse.Fail(error) : TxnId(outcome.Move!, withSuccess: false);
    }

    /// <summary>The master moves between two wallets of one sub-account (margin and futures transfer); answers {"txnId":"..."}.</summary>
    private SimResponse WithinSubAccount(SimRequest r, string channel, int maxType, Func<int, (WalletKind From, WalletKind To)> wallets)
    {
        if (SubAccountRules.RequireMaster(ledger, r, out var master) is { } e0) return SimResponse.Fail(e0);
        if (r.RequiredEmail("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (Asset(r, out var asset) is { } e2) return SimResponse.Fail(e2);
        if (r.Amount("amount", out var amount) is { } e3) return SimResponse.Fail(e3);
        if (r.Choice("type", 1, maxType, out var type) is { } e4) return SimResponse.Fail(e4);
        if (type is null) return SimResponse.Fail(RequestParams.Malformed("type"));
        if (SubAccountRules.SubAccountOf(ledger, email, out var sub) is { } e5) return SimResponse.Fail(e5);
        var (fromKind, toKind) = wallets(type.Value);
        var outcome = Move(channel, type.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), master.Email,
            WalletAddress.Of(sub.Email, fromKind), WalletAddress.Of(sub.Email, toKind), asset!, amount);
        return outcome.Error is { } error ? SimResponse.Fail(error) : TxnId(outcome.Move!, withSuccess: false);
    }

    private (LedgerMove? Move, BinanceError? Error) Move(
        string channel, string type, string initiator, WalletAddress from, WalletAddress to, string asset, decimal amount)
    {
        var outcome = ledger.Move(new MoveRequest(channel, type, initiator, from, to, asset, amount));
        return outcome.Succeeded ? (outcome.Move, null) : (null, SubAccountRules.ErrorFor(ledger, outcome.Failure, from, to));
    }

    private static BinanceError? Asset(SimRequest r, out string? asset)
    {
        if (r.Code("asset", out asset) is { } e) return e;
        return asset is null ? RequestParams.Malformed("asset") : null;
    }

    private static bool IsFutures(WalletKind kind) => kind is WalletKind.UsdtFuture or WalletKind.CoinFuture;

    /// <summary>The legacy answer: the id as a <b>string</b> (reference §4.1), with "success":true for internalTransfer.</summary>
    private static SimResponse TxnId(LedgerMove move, bool withSuccess) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        if (withSuccess) w.WriteBoolean("success", true);
        w.WriteString("txnId", move.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }));
}
