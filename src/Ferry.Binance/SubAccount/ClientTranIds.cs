namespace Ferry.Binance.SubAccount;

/// <summary>Makes <c>clientTranId</c> values: "ferry" plus 24 random hex digits (96 bits), short enough for any limit.</summary>
public static class ClientTranIds
{
    /// <summary>The longest clientTranId the client sends (Binance documents none; the simulator uses the same limit).</summary>
    public const int MaxLength = 64;

    /// <summary>A new random id such as <c>ferry3f9c0a1b2c3d4e5f60718293</c>.</summary>
    public static string New() => "ferry" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
