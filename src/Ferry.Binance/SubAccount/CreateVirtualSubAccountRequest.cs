using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST /sapi/v1/sub-account/virtualSubAccount: Binance builds a virtual e-mail from <paramref name="SubAccountString"/>.</summary>
/// <param name="SubAccountString">1 to 32 ASCII letters or digits (the docs give no rule; this is the client's assumption).</param>
public sealed record CreateVirtualSubAccountRequest(string SubAccountString) : IWireParameters
{
    /// <summary>The longest subAccountString the client sends (assumed).</summary>
    public const int MaxLength = 32;

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() =>
        string.IsNullOrEmpty(SubAccountString) ? "subAccountString is required (letters and digits Binance turns into a virtual e-mail)."
        : SubAccountString.Length <= MaxLength && SubAccountString.All(char.IsAsciiLetterOrDigit) ? null
        : $"subAccountString '{SubAccountInput.Printable(SubAccountString)}' must be 1 to {MaxLength} ASCII letters or digits.";

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("subAccountString", SubAccountString);
}
