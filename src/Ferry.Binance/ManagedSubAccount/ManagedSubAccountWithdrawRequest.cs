using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>POST /sapi/v1/managed-subaccount/withdraw: from a managed sub-account back to the investor's spot, now or on
/// <see cref="TransferDate"/> (the withdrawal happens on that date, UTC).</summary>
/// <param name="FromEmail">The managed sub-account.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">More than zero, at most 8 decimal places.</param>
public sealed record ManagedSubAccountWithdrawRequest(string FromEmail, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>When to withdraw (sent as epoch ms); null withdraws now.</summary>
    public DateTimeOffset? TransferDate { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(FromEmail, "fromEmail") ?? InputRules.Asset(Asset) ?? InputRules.Amount(Amount, 8)
        ?? (TransferDate?.ToUnixTimeMilliseconds() < 0 ? "transferDate must not be before 1970." : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("fromEmail", FromEmail);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
        writer.AddIfPresent("transferDate", TransferDate);
    }
}
