using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>A request naming one sub-account by e-mail (enable futures, enable options, asset queries).</summary>
/// <param name="Email">The sub-account's e-mail.</param>
public sealed record SubAccountEmailRequest(string Email) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() => SubAccountInput.Email(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("email", Email);
}
