namespace Ferry.Binance.Http;

/// <summary>A request's own parameters, written in the order the docs list them (timestamp, recvWindow and signature are added by the transport).</summary>
internal interface IWireParameters
{
    /// <summary>Writes the parameters; runs after validation, so it never fails.</summary>
    void WriteTo(ParameterWriter writer);
}

/// <summary>The parameters of a request that has none.</summary>
internal sealed class NoParameters : IWireParameters
{
    public static readonly NoParameters Instance = new();

    public void WriteTo(ParameterWriter writer)
    {
    }
}
