namespace Ferry.Binance.Http;

/// <summary>The parameters of a request that has none.</summary>
internal sealed class NoParameters : IWireParameters
{
    public static readonly NoParameters Instance = new();

    public void WriteTo(ParameterWriter writer)
    {
    }
}
