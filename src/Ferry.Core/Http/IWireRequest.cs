namespace Ferry.Core.Http;

/// <summary>
/// A client request that can list its own parameters as the exchange reads them, in the order they are sent, without
/// authentication (timestamp, recvWindow, signature and the like). The list comes from the same code that writes the
/// wire, so a journal, a dry run or a leg description shows exactly what goes out.
/// </summary>
public interface IWireRequest
{
    /// <summary>The request's parameters as name/value text pairs in wire order, decoded as the exchange reads them.</summary>
    IReadOnlyList<KeyValuePair<string, string>> WireParameters();
}
