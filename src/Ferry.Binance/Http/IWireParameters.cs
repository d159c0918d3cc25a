namespace Ferry.Binance.Http;

/// <summary>A request's own parameters, written in the order the docs list them (timestamp, recvWindow and signature are added by the transport).</summary>
internal interface IWireParameters
{
    /// <summary>Writes the parameters; runs after validation, so it never fails.</summary>
    void WriteTo(ParameterWriter writer);
}
