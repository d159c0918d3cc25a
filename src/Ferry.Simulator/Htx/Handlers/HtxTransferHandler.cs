using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Htx.Handlers;

/// <summary>POST /v2/account/transfer: spot ⇄ USDT-margined swap (cross "USDT" or isolated contract) for the key's owner;
/// answers <c>{"code":200,"data":id,"message":"Succeed","success":true}</c>.</summary>
internal sealed class HtxTransferHandler(SimLedger ledger, HtxBook book)
{
    /// <summary>The ledger's transfer types, named as GET /v2/account/ledger names them.</summary>
    public const string SpotToSwap = "spot-to-linear-swap";
    public const string SwapToSpot = "linear-swap-to-spot";

    public HtxResponse Handle(HtxRequest r)
    {
        var body = r.Body!.Value;
        string? Field(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0 ? v.GetString() : null;
        HtxResponse Fail(HtxError error) => HtxResponse.Fail(error, r.NowMs);

        var from = Field("from");
        var to = Field("to");
        var currency = Field("currency")?.ToUpperInvariant();
        var margin = Field("margin-account")?.ToUpperInvariant();
        if (from is null || to is null || currency is null || margin is null || !body.TryGetProperty("amount", out var amountElement)) return Fail(HtxErrors.V2LackOfParameter);
        if (from is not ("spot" or "linear-swap") || to is not ("spot" or "linear-swap")) return Fail(HtxErrors.V2WrongTransferType);
        if (from == to) return Fail(HtxErrors.V2SingleBusiness);
        if (!ScenarioReader.IsCode(currency)) return Fail(HtxErrors.V2CurrencyMissing);
        if (ReadAmount(amountElement) is not { } amount) return Fail(HtxErrors.V2InvalidParameter);
        if (amount <= 0m) return Fail(HtxErrors.V2InvalidAmount);
        if (DecimalText.Scale(amount) > 8) return Fail(HtxErrors.V2Precision);

        WalletAddress swap;
        if (margin == "USDT") swap = WalletAddress.Of(r.User.Email, WalletKind.HtxSwapCross);
        else if (book.Contracts.Contains(margin)) swap = WalletAddress.Of(r.User.Email, WalletKind.HtxSwapIsolated, margin);
        else return Fail(HtxErrors.V2ContractMissing);
        if (currency != "USDT") return Fail(HtxErrors.V2NotSupported);
        if (book.Minimum(currency) is { } minimum && amount < minimum) return Fail(HtxErrors.V2BelowMinimum.Format(DecimalText.Plain(minimum), currency));

        var spot = WalletAddress.Of(r.User.Email, WalletKind.HtxSpot);
        var toSwap = from == "spot";
        var outcome = ledger.Move(new MoveRequest(MoveChannels.HtxSpotSwapTransfer, toSwap ? SpotToSwap : SwapToSpot, r.User.Email,
            toSwap ? spot : swap, toSwap ? swap : spot, currency, amount));
        if (!outcome.Succeeded)
        {
            return Fail(outcome.Failure switch
            {
                MoveFailure.InsufficientBalance => HtxErrors.V2Insufficient,
                MoveFailure.NonPositiveAmount => HtxErrors.V2InvalidAmount,
                MoveFailure.SameWallet => HtxErrors.V2SingleBusiness,
                _ => HtxErrors.V2NotSupported,
            });
        }

        return HtxResponse.Ok(HtxJson.V2Ok(w => w.WriteNumberValue(outcome.Move!.Id), "Succeed"));
    }

    /// <summary>A JSON number or numeric string (HTX documents a decimal); exponents are read exactly.</summary>
    private static decimal? ReadAmount(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.String => element.GetString(),
            _ => null,
        };
        return text is not null && text.Length <= 64 && decimal.TryParse(text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
