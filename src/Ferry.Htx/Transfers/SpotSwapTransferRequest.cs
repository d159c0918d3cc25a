using System.Text.Json;
using Ferry.Htx.Http;
using Ferry.Core.Money;

namespace Ferry.Htx.Transfers;

/// <summary>
/// A POST /v2/account/transfer: move <paramref name="Amount"/> of <paramref name="Currency"/> between spot and a
/// USDT-margined swap margin account.
/// </summary>
/// <param name="From">The source side.</param>
/// <param name="To">The target side (the other one).</param>
/// <param name="Currency">e.g. "USDT" (HTX accepts either case; it is sent lower-case).</param>
/// <param name="Amount">More than zero, at most 8 decimal places.</param>
/// <param name="MarginAccount">"USDT" for the cross margin account, a contract such as "BTC-USDT" for an isolated one.</param>
public sealed record SpotSwapTransferRequest(
    HtxTransferAccount From, HtxTransferAccount To, string Currency, decimal Amount, string MarginAccount) : IHtxParameters
{
    /// <summary>Spot → swap margin account.</summary>
    public static SpotSwapTransferRequest ToSwap(string currency, decimal amount, string marginAccount) =>
        new(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, currency, amount, marginAccount);

    /// <summary>Swap margin account → spot.</summary>
    public static SpotSwapTransferRequest ToSpot(string currency, decimal amount, string marginAccount) =>
        new(HtxTransferAccount.LinearSwap, HtxTransferAccount.Spot, currency, amount, marginAccount);

    /// <summary>The wire name of a side: "spot" or "linear-swap".</summary>
    public static string WireName(HtxTransferAccount account) => account == HtxTransferAccount.Spot ? "spot" : "linear-swap";

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    internal string? Validate() =>
        !Enum.IsDefined(From) || !Enum.IsDefined(To) ? "from and to must each be spot or linear-swap."
        : From == To ? $"from and to are both '{WireName(From)}'; one side must be spot and the other linear-swap."
        : HtxInputRules.Currency(Currency)
            ?? HtxInputRules.Amount(Amount)
            ?? HtxInputRules.MarginAccount(MarginAccount);

    void IHtxParameters.WriteBody(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("from", WireName(From));
        writer.WriteString("to", WireName(To));
        writer.WriteString("currency", Currency.ToLowerInvariant());
        writer.WritePropertyName("amount");
        writer.WriteRawValue(WireDecimal.Format(Amount), skipInputValidation: true);
        writer.WriteString("margin-account", MarginAccount.ToUpperInvariant());
        writer.WriteEndObject();
    }
}
