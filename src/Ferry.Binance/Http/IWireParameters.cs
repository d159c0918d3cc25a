using Ferry.Core.Http;

namespace Ferry.Binance.Http;

/// <summary>A request's own parameters, written in the order the docs list them (timestamp, recvWindow and signature are added by the transport).</summary>
internal interface IWireParameters : IWireRequest
{
    /// <summary>Writes the parameters; runs after validation, so it never fails.</summary>
    void WriteTo(ParameterWriter writer);

    /// <summary>Read back from the bytes <see cref="WriteTo"/> writes, so the list cannot drift from the wire.</summary>
    IReadOnlyList<KeyValuePair<string, string>> IWireRequest.WireParameters()
    {
        using var writer = new ParameterWriter(128);
        WriteTo(writer);
        return writer.Pairs();
    }
}
