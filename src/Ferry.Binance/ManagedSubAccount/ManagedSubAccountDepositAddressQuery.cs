using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET deposit/address: a managed sub-account's deposit address for a coin.</summary>
/// <param name="Email">The managed sub-account.</param>
/// <param name="Coin">The coin, e.g. USDT.</param>
public sealed record ManagedSubAccountDepositAddressQuery(string Email, string Coin) : IWireParameters
{
    /// <summary>The network (Binance's default for the coin when null).</summary>
    public string? Network { get; init; }

    /// <summary>The amount to deposit (only some networks use it).</summary>
    public decimal? Amount { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(Email) ?? SubAccountInput.Coin(Coin)
        ?? (Network is null ? null : SubAccountInput.Coin(Network, "network"))
        ?? (Amount is { } a ? InputRules.Amount(a, 8) : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("coin", Coin);
        writer.AddIfPresent("network", Network);
        if (Amount is { } amount) writer.Add("amount", amount);
    }
}
