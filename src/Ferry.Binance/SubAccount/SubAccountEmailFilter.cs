using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>A request whose only parameter is an optional sub-account e-mail (status, transaction statistics).</summary>
public sealed record SubAccountEmailFilter : IWireParameters
{
    /// <summary>Only this sub-account (all when null).</summary>
    public string? Email { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() => SubAccountInput.OptionalEmail(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.AddIfPresent("email", Email);
}
