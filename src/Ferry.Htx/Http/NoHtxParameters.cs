namespace Ferry.Htx.Http;

/// <summary>The parameters of a request that has none.</summary>
internal sealed class NoHtxParameters : IHtxParameters
{
    public static readonly NoHtxParameters Instance = new();
}
