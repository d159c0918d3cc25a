using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v2/sub-account/futures/positionRisk: a sub-account's USDⓈ-M or COIN-M positions.</summary>
/// <param name="Email">The sub-account.</param>
/// <param name="FuturesType">USDⓈ-M (1) or COIN-M (2).</param>
public sealed record SubAccountPositionRiskQuery(string Email, FuturesType FuturesType) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? SubAccountInput.FuturesType(FuturesType);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("futuresType", (int)FuturesType);
    }
}
