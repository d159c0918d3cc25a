using Ferry.Binance.Http;

namespace Ferry.Binance.Wallet;

/// <summary>A POST /sapi/v1/asset/transfer: move <paramref name="Amount"/> of <paramref name="Asset"/> between two of the caller's own wallets.</summary>
/// <param name="Type">Which wallets (source_target).</param>
/// <param name="Asset">Upper-case asset code, e.g. "USDT".</param>
/// <param name="Amount">More than zero, at most the configured decimal places (8 by default).</param>
public sealed record UniversalTransferRequest(UniversalTransferType Type, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>The isolated-margin symbol to move out of; required exactly when the source is isolated margin.</summary>
    public string? FromSymbol { get; init; }

    /// <summary>The isolated-margin symbol to move into; required exactly when the target is isolated margin.</summary>
    public string? ToSymbol { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    internal string? Validate(int maxDecimalPlaces) =>
        TransferTypeRules.Check(Type, FromSymbol, ToSymbol)
        ?? InputRules.Asset(Asset)
        ?? InputRules.Amount(Amount, maxDecimalPlaces);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("type", Type.WireName());
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
        writer.AddIfPresent("fromSymbol", FromSymbol);
        writer.AddIfPresent("toSymbol", ToSymbol);
    }
}
