using Ferry.Binance.Http;

namespace Ferry.Binance.Balances;

/// <summary>A GET /api/v3/account: the spot account and its balances.</summary>
public sealed record SpotAccountQuery : IWireParameters
{
    /// <summary>True: only non-zero balances (Binance's default is false, every asset).</summary>
    public bool? OmitZeroBalances { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        if (OmitZeroBalances is { } omit)
        {
            writer.Add("omitZeroBalances", omit ? "true" : "false");
        }
    }
}
