using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST sub-account/universalTransfer (master key): move between any two accounts of the family. A null email
/// means the master. A fresh <see cref="ClientTranId"/> is made for every request, so the transfer can always be
/// looked up afterwards (<see cref="SubAccountApi.FindUniversalTransferAsync"/>), even when the answer was lost.</summary>
/// <param name="FromAccountType">The source wallet type.</param>
/// <param name="ToAccountType">The target wallet type.</param>
/// <param name="Asset">Upper-case asset code, e.g. "USDT".</param>
/// <param name="Amount">More than zero, at most the configured decimal places.</param>
public sealed record SubAccountUniversalTransferRequest(
    SubAccountAccountType FromAccountType, SubAccountAccountType ToAccountType, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>The source sub-account's email; null means the master (Binance's default).</summary>
    public string? FromEmail { get; init; }

    /// <summary>The target sub-account's email; null means the master (Binance's default).</summary>
    public string? ToEmail { get; init; }

    /// <summary>The caller's unique id for this transfer ("Must be unique" per master). Set to null to send none.</summary>
    public string? ClientTranId { get; init; } = ClientTranIds.New();

    /// <summary>The isolated-margin symbol; required exactly when one side is ISOLATED_MARGIN.</summary>
    public string? Symbol { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal string? Validate(int maxDecimalPlaces)
    {
        var problem = SubAccountInputRules.Defined(FromAccountType, "fromAccountType")
            ?? SubAccountInputRules.Defined(ToAccountType, "toAccountType")
            ?? InputRules.Asset(Asset)
            ?? InputRules.Amount(Amount, maxDecimalPlaces)
            ?? SubAccountInputRules.Email(FromEmail, "fromEmail", false)
            ?? SubAccountInputRules.Email(ToEmail, "toEmail", false)
            ?? SubAccountInputRules.ClientTranId(ClientTranId);
        if (problem is not null)
        {
            return problem;
        }

        var isolated = FromAccountType == SubAccountAccountType.IsolatedMargin || ToAccountType == SubAccountAccountType.IsolatedMargin;
        if (isolated && Symbol is null)
        {
            return "symbol is required when a side is ISOLATED_MARGIN: name the isolated-margin symbol, e.g. BTCUSDT.";
        }

        if (!isolated && Symbol is not null)
        {
            return "symbol is only accepted when a side is ISOLATED_MARGIN.";
        }

        if (InputRules.Symbol(Symbol, "symbol") is { } symbolProblem)
        {
            return symbolProblem;
        }

        if (FromAccountType.IsFutures() && ToAccountType.IsFutures())
        {
            return "Binance does not support universal transfers between two futures wallets; use the futures internal transfer.";
        }

        return string.Equals(FromEmail, ToEmail, StringComparison.OrdinalIgnoreCase) && FromAccountType == ToAccountType
            ? "The transfer goes from a wallet to the same wallet; name two different wallets."
            : null;
    }

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("fromEmail", FromEmail);
        writer.AddIfPresent("toEmail", ToEmail);
        writer.Add("fromAccountType", FromAccountType.WireName());
        writer.Add("toAccountType", ToAccountType.WireName());
        writer.AddIfPresent("clientTranId", ClientTranId);
        writer.AddIfPresent("symbol", Symbol);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}
